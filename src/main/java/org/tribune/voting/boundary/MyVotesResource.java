package org.tribune.voting.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.Roles;
import org.tribune.voting.control.IdeaVotes;

/**
 * The signed-in member's own votes. Paths under {@code me/} are separate root resources so that
 * each component serves its own part of "me" without one class knowing them all.
 */
@Path("me/votes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class MyVotesResource {

  @Inject IdeaVotes votes;
  @Inject CurrentMember currentMember;

  @GET
  @Operation(summary = "My votes, newest first, with whether each was refunded")
  public List<IdeaVotes.MyVote> votes() {
    return votes.votesOf(currentMember.require());
  }
}
