package org.tribune.voting.control;

import org.tribune.identity.entity.MemberId;

/** What can happen to idea votes; each is written by {@link IdeaVoteStore} in the ingest. */
public sealed interface IdeaVoteCommand {

  record Cast(MemberId member, long ideaId) implements IdeaVoteCommand {}

  record Withdraw(MemberId member, long ideaId) implements IdeaVoteCommand {}

  /** The idea closed: no more votes, and its votes go back to their budgets. */
  record CloseVoting(long ideaId) implements IdeaVoteCommand {}

  record ReopenVoting(long ideaId) implements IdeaVoteCommand {}

  /**
   * Moves {@code fromIdea}'s votes to {@code intoIdea}, one per member; closes {@code fromIdea}.
   */
  record Merge(long fromIdea, long intoIdea) implements IdeaVoteCommand {}
}
