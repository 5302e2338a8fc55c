package org.tribune.selection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.selection.boundary.RoundViews.SanctionRequest;
import org.tribune.selection.boundary.RoundViews.SanctionView;
import org.tribune.selection.entity.Sanction;

/** Sanctions that bar a member from standing and voting in selection rounds. */
@Path("selection/sanctions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COMMUNITY_MANAGER)
public class SanctionsResource {

  @Inject RoundLifecycle rounds;
  @Inject CurrentMember caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sanction a member (community manager; audited)")
  public Response create(SanctionRequest body) {
    SanctionRequest r = RoundsResource.required(body);
    if (r.memberId() == null) {
      throw DomainException.invalid("memberId", "is required");
    }
    Sanction s =
        rounds.sanction(
            caller.requireRole(Roles.COMMUNITY_MANAGER), r.memberId(), r.reason(), r.endsAt());
    return Response.status(201).entity(view(s)).build();
  }

  @GET
  public List<SanctionView> list(@QueryParam("memberId") long memberId) {
    return rounds.sanctionsOf(memberId).stream().map(SanctionsResource::view).toList();
  }

  static SanctionView view(Sanction s) {
    return new SanctionView(
        s.id(), s.member().value(), s.reason(), s.startsAt(), s.endsAt().orElse(null));
  }
}
