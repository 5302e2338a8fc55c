package org.tribune.identity.boundary;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code tribune_session} cookie: HttpOnly (scripts cannot read it, so an XSS bug cannot steal
 * the session), SameSite=Lax (not sent on cross-site POSTs; the CSRF token is the real guard),
 * Path=/, and Secure whenever the request came over HTTPS.
 */
final class SessionCookie {

  private SessionCookie() {}

  static NewCookie issue(String value, Instant expiresAt, UriInfo uri) {
    long maxAge = Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
    return builder(uri).value(value).maxAge((int) Math.min(Integer.MAX_VALUE, maxAge)).build();
  }

  static NewCookie clear(UriInfo uri) {
    return builder(uri).value("").maxAge(0).build();
  }

  private static NewCookie.Builder builder(UriInfo uri) {
    return new NewCookie.Builder(TribuneAuthentication.SESSION_COOKIE)
        .path("/")
        .httpOnly(true)
        .secure("https".equalsIgnoreCase(uri.getRequestUri().getScheme()))
        .sameSite(NewCookie.SameSite.LAX);
  }
}
