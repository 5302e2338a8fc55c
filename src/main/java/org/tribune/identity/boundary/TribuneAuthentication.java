package org.tribune.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.tribune.identity.control.Caller;

/**
 * Authenticates every request from an API token ({@code Authorization: Bearer trb_...}) or the
 * session cookie, and tells the container who the caller is: the principal name is the member id in
 * decimal (which {@link CurrentMember} relies on), the groups are the member's role names.
 *
 * <p>A request without credentials passes through anonymously; protected resources refuse it with
 * {@code @RolesAllowed}. A bearer token that does not resolve is marked on the request and refused
 * by {@link CredentialChecks} as a 401 problem, because a client that sends a token expects to be
 * that member and must not silently be served as anonymous. A stale cookie is simply ignored:
 * browsers keep cookies longer than sessions last, and public pages must still load.
 *
 * <p>No HTTP session is created and nothing is remembered by the container between requests: every
 * request is authenticated afresh (from the in-memory cache in {@link Credentials}), so any
 * instance can serve any request.
 */
@ApplicationScoped
public class TribuneAuthentication implements HttpAuthenticationMechanism {

  public static final String SESSION_COOKIE = "tribune_session";
  static final String CALLER = TribuneAuthentication.class.getName() + ".caller";
  static final String REJECTED = TribuneAuthentication.class.getName() + ".rejected";
  private static final String BEARER = "Bearer ";

  @Inject Credentials credentials;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Optional<Caller> caller = Optional.empty();
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      caller = credentials.byApiToken(authorization.substring(BEARER.length()).strip());
      if (caller.isEmpty()) {
        request.setAttribute(REJECTED, Boolean.TRUE);
        return context.doNothing();
      }
    } else {
      String cookie = sessionCookie(request);
      if (cookie != null) {
        caller = credentials.bySessionCookie(cookie);
      }
    }
    if (caller.isEmpty()) {
      return context.doNothing();
    }
    request.setAttribute(CALLER, caller.get());
    return context.notifyContainerAboutLogin(
        caller.get().member().toString(), caller.get().roles());
  }

  static String sessionCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (SESSION_COOKIE.equals(c.getName())) {
        return c.getValue();
      }
    }
    return null;
  }
}
