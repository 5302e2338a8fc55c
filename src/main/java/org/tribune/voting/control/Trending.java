package org.tribune.voting.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The published trending formula (docs/api.md, "Trending"). Each vote weighs {@code 2^((t − E)/H)}
 * with E = 2026-01-01T00:00Z and a half-life H of 72 hours; an idea's mass is the sum of its votes'
 * weights and its score now is {@code mass · 2^(−(now − E)/H)}: its votes, each halved for every
 * three days of age. Because the factor is the same for every idea, ordering by the stored mass
 * equals ordering by the score at any moment, and adding or removing a vote is a plain addition to
 * the tally. Doubles hold the growing weights until about 2034 (2^1023); before then, moving E
 * forward is a one-line migration that divides every stored weight by the same power of two.
 */
public final class Trending {

  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  public static final Duration HALF_LIFE = Duration.ofHours(72);

  private Trending() {}

  public static double weight(Instant castAt) {
    return Math.pow(2, hoursSinceEpoch(castAt) / HALF_LIFE.toHours());
  }

  public static double score(double mass, Instant now) {
    return mass * Math.pow(2, -hoursSinceEpoch(now) / HALF_LIFE.toHours());
  }

  private static double hoursSinceEpoch(Instant at) {
    return Duration.between(EPOCH, at).toMillis() / 3_600_000.0;
  }
}
