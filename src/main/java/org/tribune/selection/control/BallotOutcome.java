package org.tribune.selection.control;

/** The answer to one {@link CastBallot}. */
public sealed interface BallotOutcome {

  /** In the box; the receipt goes back to the voter only. */
  record Cast(long roundId, String receipt) implements BallotOutcome {}

  record AlreadyVoted(long roundId) implements BallotOutcome {}

  record NotVoting(long roundId) implements BallotOutcome {}

  record NoSuchRound(long roundId) implements BallotOutcome {}
}
