package org.tribune.releases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.entity.Roles;

/** Trusted-tester membership. */
@Path("testers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestersResource {

  @Inject Testers testers;

  public record Invitation(@NotNull Long memberId, @NotNull Long deviceId) {}

  public record Removal(@NotNull String reason) {}

  @GET
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "All testers, with the activity rule applied (community manager)")
  public List<Testers.TesterView> list() {
    return testers.list();
  }

  @POST
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Invite a member as trusted tester of a device (community manager)")
  public Response invite(@Valid @NotNull Invitation invitation) {
    return Response.status(201)
        .entity(testers.invite(invitation.memberId(), invitation.deviceId()))
        .build();
  }

  @POST
  @Path("{memberId: \\d+}/removal")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Remove a tester, with a reason; the cool-down applies")
  public Testers.TesterView remove(
      @PathParam("memberId") long memberId, @Valid @NotNull Removal removal) {
    return testers.remove(memberId, removal.reason());
  }

  @GET
  @Path("me")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "My tester standing (404 if never a tester)")
  public Response mine() {
    return testers
        .mine()
        .map(view -> Response.ok(view).build())
        .orElseGet(
            () ->
                org.tribune.platform.boundary.Problem.of(
                    org.tribune.platform.entity.DomainException.notFound(
                        "Tester membership", "of this member")));
  }
}
