package org.tribune.identity.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;

/**
 * Sign-up, public profiles, and the admin's role grants.
 *
 * <p>{@code @DeclareRoles} is here for Liberty: it maps a caller's groups (our role names, from the
 * authentication mechanism) to application roles of the same name without any binding, but only for
 * roles the application declares. A role that no {@code @RolesAllowed} or {@code @DeclareRoles}
 * names is always false for the JAX-RS and servlet {@code isUserInRole} (Jakarta Security's {@code
 * isCallerInRole} happens to check the groups directly). Declaring every role once keeps both
 * answers the same for all of them.
 */
@Path("members")
@DeclareRoles({
  Roles.MEMBER,
  Roles.TRUSTED_TESTER,
  Roles.DELEGATE,
  Roles.RESPONDER,
  Roles.COMMUNITY_MANAGER,
  Roles.ADMIN
})
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

  public record SignUpRequest(
      String email,
      String password,
      String displayName,
      String locale,
      String memberType,
      String deviceLine,
      String region) {}

  public record RoleGrant(List<String> roles) {}

  @Inject Accounts accounts;
  @Inject Sessions sessions;
  @Inject ApiTokens tokens;
  @Inject CurrentMember caller;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response signUp(SignUpRequest body) {
    SignUpRequest r = RequestBodies.required(body);
    Member member =
        accounts.signUp(
            new Accounts.Registration(
                r.email(),
                r.password(),
                r.displayName(),
                r.locale(),
                r.memberType(),
                r.deviceLine(),
                r.region()));
    Sessions.Opened opened = sessions.open(member);
    return Response.created(uri.getAbsolutePathBuilder().path(member.id().toString()).build())
        .entity(SessionResource.signedIn(opened))
        .cookie(SessionCookie.issue(opened.cookieValue(), opened.expiresAt(), uri))
        .build();
  }

  @GET
  @Path("{id}")
  public MemberView profile(@PathParam("id") long id) {
    Member member = accounts.find(new MemberId(id));
    boolean self = caller.id().map(me -> me.value() == id).orElse(false);
    return self || caller.has(Roles.ADMIN)
        ? MemberView.full(member)
        : MemberView.publicProfile(member);
  }

  @PUT
  @Path("{id}/roles")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public MemberView replaceRoles(@PathParam("id") long id, RoleGrant body) {
    RoleGrant grant = RequestBodies.required(body);
    return MemberView.full(
        accounts.replaceRoles(caller.requireRole(Roles.ADMIN), new MemberId(id), grant.roles()));
  }

  @DELETE
  @Path("{id}/tokens/{tokenId}")
  @RolesAllowed(Roles.ADMIN)
  public Response revokeToken(@PathParam("id") long id, @PathParam("tokenId") long tokenId) {
    tokens.revokeAsAdmin(caller.requireRole(Roles.ADMIN), new MemberId(id), tokenId);
    return Response.noContent().build();
  }
}
