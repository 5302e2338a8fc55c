package org.tribune.voting.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.Roles;
import org.tribune.voting.control.IdeaVotes;

@Path("me/budget")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class VoteBudgetResource {

  @Inject IdeaVotes votes;
  @Inject CurrentMember currentMember;

  @GET
  @Operation(summary = "My weekly vote budget: limit, used, remaining, and when it resets")
  public IdeaVotes.Budget budget() {
    return votes.budget(currentMember.require());
  }
}
