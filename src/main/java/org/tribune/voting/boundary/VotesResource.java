package org.tribune.voting.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.boundary.Problem;
import org.tribune.platform.entity.DomainException;
import org.tribune.voting.control.IdeaVoteOutcome;
import org.tribune.voting.control.IdeaVoteOutcome.AlreadyVoted;
import org.tribune.voting.control.IdeaVoteOutcome.BudgetExhausted;
import org.tribune.voting.control.IdeaVoteOutcome.Counted;
import org.tribune.voting.control.IdeaVoteOutcome.IdeaClosed;
import org.tribune.voting.control.IdeaVoteOutcome.NoSuchIdea;
import org.tribune.voting.control.IdeaVoteOutcome.NoVote;
import org.tribune.voting.control.IdeaVoteOutcome.Withdrawn;
import org.tribune.voting.control.IdeaVotes;

/**
 * Casting and withdrawing a vote. The request thread waits for the ingest and answers once the vote
 * is durable (or refused); see {@link org.tribune.ingest.control.VoteIngest#submitAndWait}.
 */
@Path("ideas/{id}/votes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class VotesResource {

  @Inject IdeaVotes votes;
  @Inject CurrentMember currentMember;

  @GET
  @PermitAll
  @Operation(
      summary = "An idea's vote count and trending score",
      description = "A single primary-key read of the tally the ingest maintains.")
  public IdeaVotes.Tally tally(@PathParam("id") long ideaId) {
    return votes.tally(ideaId);
  }

  @POST
  @Operation(
      summary = "Vote for an idea",
      description =
          "201 with the idea's new count and the member's remaining weekly budget. 409"
              + " already-voted, 409 idea-closed, 422 vote-budget-exhausted, 503 busy (retry).")
  public Response cast(@PathParam("id") long ideaId) {
    return answer(votes.castNow(currentMember.require(), ideaId));
  }

  @DELETE
  @Path("mine")
  @Operation(summary = "Withdraw my vote; it returns to the budget of the week that paid for it")
  public Response withdraw(@PathParam("id") long ideaId) {
    return answer(votes.withdrawNow(currentMember.require(), ideaId));
  }

  static Response answer(IdeaVoteOutcome outcome) {
    if (outcome instanceof Counted counted) {
      return Response.status(201)
          .entity(new VoteCount(counted.ideaId(), counted.votes(), counted.remaining()))
          .build();
    }
    if (outcome instanceof Withdrawn withdrawn) {
      return Response.ok(
              new VoteCount(withdrawn.ideaId(), withdrawn.votes(), withdrawn.remaining()))
          .build();
    }
    return Problem.of(problem(outcome));
  }

  static DomainException problem(IdeaVoteOutcome outcome) {
    if (outcome instanceof AlreadyVoted already) {
      return DomainException.conflict(
          "already-voted",
          "Already voted",
          "You have already voted for idea " + already.ideaId() + ".");
    }
    if (outcome instanceof BudgetExhausted exhausted) {
      return DomainException.unprocessable(
              "vote-budget-exhausted",
              "No votes left this week",
              "You have used all " + exhausted.limit() + " votes of this week.")
          .with("remaining", 0)
          .with("limit", exhausted.limit())
          .with("resetsAt", exhausted.resetsAt().toString());
    }
    if (outcome instanceof IdeaClosed closed) {
      return DomainException.conflict(
          "idea-closed", "Idea closed", "Idea " + closed.ideaId() + " no longer takes votes.");
    }
    if (outcome instanceof NoSuchIdea none) {
      return DomainException.notFound("Idea", none.ideaId());
    }
    if (outcome instanceof NoVote none) {
      return DomainException.notFound("Your vote on idea", none.ideaId());
    }
    throw new IllegalStateException("Unexpected outcome " + outcome);
  }

  public record VoteCount(long ideaId, long votes, int remaining) {}
}
