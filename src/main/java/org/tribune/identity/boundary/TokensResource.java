package org.tribune.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tribune.identity.entity.ApiToken;
import org.tribune.identity.entity.Roles;

/** The signed-in member's API tokens. */
@Path("me/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class TokensResource {

  public record TokenRequest(String name) {}

  /** The only time the secret is ever shown. */
  public record IssuedToken(long id, String name, String token, Instant createdAt) {}

  public record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt) {
    static TokenView of(ApiToken t) {
      return new TokenView(t.id(), t.name(), seconds(t.createdAt()), seconds(t.lastUsedAt()));
    }
  }

  @Inject ApiTokens tokens;
  @Inject CurrentMember caller;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issue(TokenRequest body) {
    TokenRequest request = RequestBodies.required(body);
    ApiTokens.Issued issued = tokens.issue(caller.require(), request.name());
    ApiToken t = issued.token();
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(t.id())).build())
        .entity(new IssuedToken(t.id(), t.name(), issued.secret(), seconds(t.createdAt())))
        .build();
  }

  @GET
  public List<TokenView> list() {
    return tokens.live(caller.require()).stream().map(TokenView::of).toList();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") long id) {
    tokens.revokeOwn(caller.require(), id);
    return Response.noContent().build();
  }

  static Instant seconds(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS);
  }
}
