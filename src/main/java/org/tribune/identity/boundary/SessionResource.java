package org.tribune.identity.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tribune.platform.entity.DomainException;

/**
 * The browser's session. Sign-in accepts only {@code application/json}: a cross-site form cannot
 * send that without a CORS preflight, which protects against login CSRF.
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

  public record SignInRequest(String email, String password) {}

  @Inject Sessions sessions;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response signIn(SignInRequest body) {
    SignInRequest request = RequestBodies.required(body);
    Sessions.Opened opened = sessions.signIn(request.email(), request.password());
    return Response.ok(signedIn(opened))
        .cookie(SessionCookie.issue(opened.cookieValue(), opened.expiresAt(), uri))
        .build();
  }

  @GET
  public SignedIn current(@CookieParam(TribuneAuthentication.SESSION_COOKIE) String cookie) {
    return sessions
        .current(cookie)
        .map(SessionResource::signedIn)
        .orElseThrow(() -> DomainException.unauthenticated("No browser session is signed in."));
  }

  @DELETE
  public Response signOut(@CookieParam(TribuneAuthentication.SESSION_COOKIE) String cookie) {
    sessions.signOut(cookie);
    return Response.noContent().cookie(SessionCookie.clear(uri)).build();
  }

  static SignedIn signedIn(Sessions.Opened opened) {
    return new SignedIn(MemberView.full(opened.member()), opened.csrfToken());
  }
}
