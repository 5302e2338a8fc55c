package org.tribune.releases.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Flags days on which a build received far more ratings than usual: a day is suspicious when its
 * count exceeds the mean of the preceding {@code trailingDays} days by more than {@code sigmas}
 * standard deviations (population σ of those days, days without ratings counting as zero). It needs
 * at least two preceding days to judge, and a day needs at least {@code minimumCount} ratings to be
 * flagged at all, so that 3 ratings after a quiet day are not called a brigade.
 *
 * <p>A flag decides nothing: a community manager reviews it, and only a day judged a brigade is
 * left out of the score (its ratings stay visible).
 */
public final class BrigadeDetector {

  private final double sigmas;
  private final int trailingDays;
  private final long minimumCount;

  public BrigadeDetector(double sigmas, int trailingDays, long minimumCount) {
    if (sigmas <= 0 || trailingDays < 2 || minimumCount < 1) {
      throw new IllegalArgumentException("sigmas > 0, trailing days >= 2, minimum count >= 1");
    }
    this.sigmas = sigmas;
    this.trailingDays = trailingDays;
    this.minimumCount = minimumCount;
  }

  public record Day(LocalDate day, long count, double trailingMean, double threshold) {}

  /** The flagged days, oldest first; {@code counts} is ratings per UTC day. */
  public List<Day> flagged(SortedMap<LocalDate, Long> counts) {
    List<Day> flagged = new ArrayList<>();
    if (counts.isEmpty()) {
      return flagged;
    }
    List<LocalDate> days = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (LocalDate d = counts.firstKey(); !d.isAfter(counts.lastKey()); d = d.plusDays(1)) {
      days.add(d);
      values.add(counts.getOrDefault(d, 0L));
    }
    for (int i = 2; i < values.size(); i++) {
      int from = Math.max(0, i - trailingDays);
      double mean = 0;
      for (int j = from; j < i; j++) {
        mean += values.get(j);
      }
      mean /= (i - from);
      double variance = 0;
      for (int j = from; j < i; j++) {
        variance += Math.pow(values.get(j) - mean, 2);
      }
      double sd = Math.sqrt(variance / (i - from));
      double threshold = mean + sigmas * sd;
      long count = values.get(i);
      if (count >= minimumCount && count > threshold) {
        flagged.add(new Day(days.get(i), count, mean, threshold));
      }
    }
    return flagged;
  }

  /** Convenience for callers holding a plain map. */
  public List<Day> flagged(Map<LocalDate, Long> counts) {
    return flagged(new java.util.TreeMap<>(counts));
  }
}
