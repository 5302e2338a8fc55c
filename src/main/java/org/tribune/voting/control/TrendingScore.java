package org.tribune.voting.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The published trending formula (docs/api.md, "Trending"). A vote cast at {@code t} weighs
 * {@code 2^((t − E)/H)}; an idea's trend mass is the sum of its votes' weights (kept by the vote
 * ingest in {@code idea_tally.trend_mass}); its score at {@code now} is {@code mass · 2^(−(now −
 * E)/H)}. Weights grow instead of scores decaying so that the stored mass never needs rewriting
 * and sorting by mass equals sorting by score at any moment.
 */
public final class TrendingScore {

  /** E, the epoch of the weights. */
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** H, the half-life: a vote counts half as much after three days. */
  public static final Duration HALF_LIFE = Duration.ofHours(72);

  private TrendingScore() {}

  /** The weight of one vote cast at {@code castAt}. */
  public static double weight(Instant castAt) {
    return Math.pow(2, halfLivesSinceEpoch(castAt));
  }

  /** The trending score at {@code now} of an idea whose votes weigh {@code mass} in total. */
  public static double score(double mass, Instant now) {
    return mass * Math.pow(2, -halfLivesSinceEpoch(now));
  }

  private static double halfLivesSinceEpoch(Instant t) {
    return (double) Duration.between(EPOCH, t).toMillis() / HALF_LIFE.toMillis();
  }
}
