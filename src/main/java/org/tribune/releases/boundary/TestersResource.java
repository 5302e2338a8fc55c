package org.tribune.releases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

  public record Removal(@NotNull String reason, Integer coolDownDays) {}

  public record Application(@NotNull Long deviceId, @Size(max = 1000) String motivation) {}

  public record Decline(@NotNull String reason) {}

  @GET
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "All testers, with the activity rule applied (community manager)")
  public List<Testers.TesterView> list() {
    return testers.list();
  }

  @POST
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(
      summary = "Invite a member as trusted tester of a device (community manager)",
      description =
          "Grants the identity role trusted_tester; 409 tester-cool-down after a removal.")
  public Response invite(@Valid @NotNull Invitation invitation) {
    return Response.status(201)
        .entity(testers.invite(invitation.memberId(), invitation.deviceId()))
        .build();
  }

  @POST
  @Path("{memberId: \\d+}/removal")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(
      summary = "Remove a tester, with a reason; revokes the role trusted_tester",
      description =
          "The configured cool-down applies unless coolDownDays (0-365; 0 = none) is given.")
  public Testers.TesterView remove(
      @PathParam("memberId") long memberId, @Valid @NotNull Removal removal) {
    return testers.remove(memberId, removal.reason(), removal.coolDownDays());
  }

  @POST
  @Path("applications")
  @RolesAllowed(Roles.MEMBER)
  @Operation(
      summary = "Apply to test a device",
      description =
          "409 already-tester, already-applied, or tester-cool-down (with coolDownUntil) while a"
              + " removed tester's cool-down runs.")
  public Response apply(@Valid @NotNull Application application) {
    return Response.status(201)
        .entity(testers.apply(application.deviceId(), application.motivation()))
        .build();
  }

  @GET
  @Path("applications")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(
      summary = "Open applications, oldest first (community manager)",
      description = "Inviting the member or declining decides one.")
  public List<Testers.ApplicationView> applications() {
    return testers.applications();
  }

  @POST
  @Path("applications/{id: \\d+}/decline")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(
      summary = "Decline an open application, with a reason the applicant sees (community manager)",
      description =
          "Audited as tester.decline; 409 application-decided when it was invited or declined"
              + " already. The member may apply again at once.")
  public Testers.ApplicationView decline(
      @PathParam("id") long id, @Valid @NotNull Decline decline) {
    return testers.decline(id, decline.reason());
  }

  @GET
  @Path("applications/mine")
  @RolesAllowed(Roles.MEMBER)
  @Operation(
      summary =
          "My latest application with its outcome: open, invited or declined (with the reason)",
      description = "404 if I never applied.")
  public Response myApplication() {
    return testers
        .myApplication()
        .map(view -> Response.ok(view).build())
        .orElseGet(
            () ->
                org.tribune.platform.boundary.Problem.of(
                    org.tribune.platform.entity.DomainException.notFound(
                        "Tester application", "of this member")));
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
