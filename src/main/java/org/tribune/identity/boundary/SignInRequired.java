package org.tribune.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import org.tribune.platform.entity.DomainException;

/**
 * Answers an anonymous request to a {@code @RolesAllowed} resource with a 401 problem.
 *
 * <p>Why this exists: Liberty enforces {@code @RolesAllowed} on JAX-RS resources in its own filter
 * (priority {@code AUTHORIZATION + 1}). For an anonymous caller that filter calls {@code
 * HttpServletRequest.authenticate}, which runs our mechanism again; with no credentials to find,
 * Liberty then writes its own HTML "Error 403: AuthenticationFailed" page. Running just before it,
 * this filter turns "no caller" into the API's {@code 401 unauthenticated}. Signed-in callers
 * without the role still go to Liberty's filter, whose ForbiddenException the platform maps to
 * {@code 403 forbidden}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class SignInRequired implements ContainerRequestFilter {

  private static final ConcurrentHashMap<Method, Boolean> PROTECTED = new ConcurrentHashMap<>();

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null || servletRequest.getUserPrincipal() != null) {
      return;
    }
    if (PROTECTED.computeIfAbsent(method, SignInRequired::needsCaller)) {
      throw DomainException.unauthenticated("Sign in or send a bearer token.");
    }
  }

  /** Method annotations win over class annotations, as in Jakarta Annotations. */
  static boolean needsCaller(Method method) {
    if (method.isAnnotationPresent(PermitAll.class)) {
      return false;
    }
    if (method.isAnnotationPresent(RolesAllowed.class)
        || method.isAnnotationPresent(DenyAll.class)) {
      return true;
    }
    Class<?> type = method.getDeclaringClass();
    return !type.isAnnotationPresent(PermitAll.class)
        && (type.isAnnotationPresent(RolesAllowed.class)
            || type.isAnnotationPresent(DenyAll.class));
  }
}
