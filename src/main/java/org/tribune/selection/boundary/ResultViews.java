package org.tribune.selection.boundary;

import java.time.Instant;
import java.util.List;

/** The published results of a counted round. Votes are integers in units of 10⁻⁶. */
public final class ResultViews {

  private ResultViews() {}

  public record Candidate(
      int position,
      long nominationId,
      RoundViews.MemberRef member,
      String memberType,
      boolean withdrawn) {}

  public record Winner(int order, int position, long nominationId, RoundViews.MemberRef member) {}

  public record Round(
      int n,
      String action,
      List<Long> count,
      long threshold,
      long surplus,
      long exhausted,
      List<Integer> elected,
      List<Integer> eliminated,
      String msg) {}

  public record Options(
      int precision,
      String thresholdFormula,
      boolean dynamicThreshold,
      boolean fractionalThreshold,
      String weakTieBreakMethod) {}

  public record TieBreak(
      int round, String purpose, List<Integer> tied, int chosen, String resolution) {}

  public record QuotaCheck(
      String category, String feature, int min, int max, int seats, boolean met) {}

  public record Results(
      long roundId,
      String title,
      int seats,
      Instant countedAt,
      long ballots,
      String bltSha256,
      String seed,
      Options options,
      List<Candidate> candidates,
      List<Winner> winners,
      List<Round> rounds,
      List<TieBreak> tieBreaks,
      boolean quotasEnforced,
      List<QuotaCheck> quotaCheck,
      List<TypeResult> byType) {}

  /** STV within each member type: one count per type (its rounds; positions as in the file). */
  public record TypeResult(
      String memberType,
      int seats,
      List<Winner> winners,
      List<Round> rounds,
      List<TieBreak> tieBreaks) {}

  public record Receipt(String receipt, int line, String ranking) {}
}
