package org.tribune.voting.control;

import java.time.Instant;

/** The answer to one {@link IdeaVoteCommand}. */
public sealed interface IdeaVoteOutcome {

  record Counted(long ideaId, long votes, int remaining) implements IdeaVoteOutcome {}

  record Withdrawn(long ideaId, long votes, int remaining) implements IdeaVoteOutcome {}

  record AlreadyVoted(long ideaId) implements IdeaVoteOutcome {}

  record BudgetExhausted(int limit, Instant resetsAt) implements IdeaVoteOutcome {}

  record IdeaClosed(long ideaId) implements IdeaVoteOutcome {}

  record NoSuchIdea(long ideaId) implements IdeaVoteOutcome {}

  record NoVote(long ideaId) implements IdeaVoteOutcome {}

  record VotingClosed(long ideaId, int refunded) implements IdeaVoteOutcome {}

  record VotingReopened(long ideaId) implements IdeaVoteOutcome {}

  record Merged(long fromIdea, long intoIdea, long moved, long dropped)
      implements IdeaVoteOutcome {}
}
