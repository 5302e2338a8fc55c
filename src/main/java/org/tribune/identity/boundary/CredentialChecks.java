package org.tribune.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.tribune.identity.control.Caller;
import org.tribune.identity.control.CsrfRule;
import org.tribune.platform.entity.DomainException;

/**
 * What the authentication mechanism found, enforced before any resource runs: a bearer token that
 * did not resolve is a 401, and a cookie-authenticated change without the session's CSRF token is a
 * 403 (see {@link CsrfRule}). Pre-matching, so nothing of the request is read or acted on first.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CredentialChecks implements ContainerRequestFilter {

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (Boolean.TRUE.equals(servletRequest.getAttribute(TribuneAuthentication.REJECTED))) {
      throw DomainException.unauthenticated("The bearer token is unknown or revoked.");
    }
    Caller caller = (Caller) servletRequest.getAttribute(TribuneAuthentication.CALLER);
    boolean byCookie = caller != null && caller.bySession();
    String path = request.getUriInfo().getPath();
    if (CsrfRule.requiresToken(request.getMethod(), path, byCookie)
        && !CsrfRule.accepts(caller.csrfToken(), request.getHeaderString(CsrfRule.HEADER))) {
      throw new CsrfTokenMissing();
    }
  }

  /** The {@code csrf-token-missing} problem of the API contract. */
  public static final class CsrfTokenMissing extends DomainException {
    private static final long serialVersionUID = 1L;

    CsrfTokenMissing() {
      super(
          Kind.FORBIDDEN,
          "csrf-token-missing",
          "CSRF token missing",
          "Changes made with the session cookie need the header "
              + CsrfRule.HEADER
              + " with the token from POST or GET /api/v1/session.");
    }
  }
}
