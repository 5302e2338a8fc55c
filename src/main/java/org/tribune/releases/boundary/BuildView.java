package org.tribune.releases.boundary;

import java.time.Instant;
import java.util.List;

/** A build as the API and the portal show it (docs/api.md, "Builds"). */
public record BuildView(
    long id,
    DeviceView device,
    String version,
    String channel,
    Instant trustedAt,
    Instant releaseAt,
    Instant stableAt,
    List<ChangeLine> changelog,
    Rollout rollout,
    Verdict verdict,
    boolean notRecommended,
    FollowUpView followUp,
    ScoreView score,
    Comparison comparison,
    Mine mine) {

  public record ChangeLine(String text, LinkedIdea idea) {}

  /** The idea a line ships, with the voters' answers to "did this solve it?". */
  public record LinkedIdea(long id, String title, String status, long solvedYes, long solvedNo) {}

  public record Rollout(
      int percent,
      int offeredPercent,
      boolean halted,
      List<Integer> steps,
      int days,
      List<RolloutEventView> events) {}

  public record RolloutEventView(String kind, Instant at, String reason, boolean automatic) {}

  public record Verdict(
      String state,
      String reason,
      Instant decidedAt,
      long good,
      long bad,
      long confirmedP0,
      int minimumBad,
      int fastTrackReports,
      Instant windowClosesAt,
      OverrideView override) {}

  public record OverrideView(String decision, String reason, Instant at) {}

  public record FollowUpView(
      long id,
      String summary,
      Instant openedAt,
      Instant dueAt,
      boolean overdue,
      String resolution,
      Instant resolvedAt) {}

  public record ScoreView(
      long count,
      Double mean,
      List<Long> distribution,
      double lowerBound,
      long late,
      long excluded) {}

  public record Comparison(
      BuildRef previous,
      Double previousMean,
      Double previousLowerBound,
      Double probabilityWorse,
      Double lastFourMean,
      int lastFourBuilds) {}

  public record BuildRef(long id, String version) {}

  /** The caller's own relation to the build. */
  public record Mine(
      Instant installedAt,
      Instant canRateFrom,
      RatingView rating,
      boolean tester,
      String myVerdict) {}

  public record RatingView(
      int stars, String comment, List<String> tags, boolean late, Instant ratedAt) {}
}
