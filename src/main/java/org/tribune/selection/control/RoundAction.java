package org.tribune.selection.control;

import java.util.List;
import java.util.Optional;

/** What a round did before its votes were counted: the closed set of Meek STV steps. */
public sealed interface RoundAction {

  /** Round 1: every ballot counts for its first choice. */
  record FirstCount() implements RoundAction {}

  /** One Meek iteration: the keep factors of these candidates (over the threshold) were lowered. */
  record SurplusTransfer(List<Integer> candidates) implements RoundAction {
    public SurplusTransfer {
      candidates = List.copyOf(candidates);
    }
  }

  /**
   * These candidates were eliminated and their ballots pass on as if they had never stood.
   *
   * @param description why these candidates, in OpenSTV's words (OpaVote JSON's {@code
   *     action.desc}), e.g. "All losing candidates are eliminated. " and any tie-break
   */
  record Elimination(
      List<Integer> candidates, Reason reason, Optional<TieBreak> tieBreak, String description)
      implements RoundAction {
    public Elimination {
      candidates = List.copyOf(candidates);
    }
  }

  /** Why an elimination took the candidates it did. */
  enum Reason {
    /** Batch of sure losers: together, with the surplus, they cannot overtake the next one. */
    SURE_LOSERS,
    /** First elimination with no surplus: everyone without votes plus the lowest candidate. */
    ZERO_VOTES_AND_LOWEST,
    /** No sure losers: the single lowest candidate. */
    LOWEST,
    /** Keep factors stopped changing within the precision: the lowest candidate. */
    STABLE_KEEP_FACTORS
  }
}
