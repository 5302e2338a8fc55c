package org.tribune.selection.control;

import java.util.List;

/**
 * A finished count: who won in which order, and every round as counted, enough to publish and to
 * compare with another tool unit by unit. Votes, keep factors, thresholds and surpluses are
 * integers in units of 10^-precision (1 vote = {@code 10^precision}).
 *
 * @param validBallots total weight of the ballots that rank at least one candidate who stands
 * @param winners 0-based candidate indexes in order of election; those elected in the same round in
 *     file order
 */
public record ElectionResult(
    String title,
    int seats,
    List<String> candidates,
    List<Integer> withdrawn,
    long validBallots,
    CountOptions options,
    List<Integer> winners,
    List<Round> rounds,
    List<TieBreak> tieBreaks) {

  public ElectionResult {
    candidates = List.copyOf(candidates);
    withdrawn = List.copyOf(withdrawn);
    winners = List.copyOf(winners);
    rounds = List.copyOf(rounds);
    tieBreaks = List.copyOf(tieBreaks);
  }

  /**
   * One round of the count. Lists are indexed by candidate (0-based, withdrawn included with 0).
   *
   * @param number 1-based round number
   * @param elected candidates elected in this round, in order of election
   * @param eliminated candidates eliminated in this round (including those left over at the end)
   * @param message the round described in words, as OpenSTV words it
   */
  public record Round(
      int number,
      RoundAction action,
      List<Long> votes,
      List<Long> keepFactors,
      List<CandidateStatus> statuses,
      long threshold,
      long surplus,
      long exhausted,
      List<Integer> elected,
      List<Integer> eliminated,
      String message) {

    public Round {
      votes = List.copyOf(votes);
      keepFactors = List.copyOf(keepFactors);
      statuses = List.copyOf(statuses);
      elected = List.copyOf(elected);
      eliminated = List.copyOf(eliminated);
    }
  }

  public String format(long units) {
    return FixedPoint.format(units, options.precision());
  }
}
