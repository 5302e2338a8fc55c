package org.tribune.selection.control;

import java.util.Objects;

/**
 * The options of a Meek STV count, named after OpaVote's ({@code prec}, {@code thresholdFormula},
 * {@code dynamicThreshold}, {@code fractionalThreshold}, {@code weakTieBreakMethod}, {@code seed}).
 * {@link #opaVote(String)} gives the settings Stack Exchange elections are counted with.
 *
 * @param precision decimal places of the fixed-point arithmetic; votes are integers in units of
 *     10^-precision
 * @param surplusLimit the iteration stops once the total surplus is below this many units
 * @param seed the published seed of the random draw that breaks strong ties
 */
public record CountOptions(
    int precision,
    ThresholdFormula thresholdFormula,
    boolean dynamicThreshold,
    boolean fractionalThreshold,
    WeakTieBreak weakTieBreak,
    long surplusLimit,
    String seed) {

  /** Droop divides by seats + 1, Hare by seats; both then add one unit. */
  public enum ThresholdFormula {
    DROOP,
    HARE
  }

  /**
   * How a tie at one round is broken: by the most recent earlier round that separates the tied
   * candidates (backward), by the first such round counting from round 1 (forward), or straight
   * away by the seeded draw (random).
   */
  public enum WeakTieBreak {
    BACKWARD,
    FORWARD,
    RANDOM
  }

  public CountOptions {
    if (precision < 0 || precision > 9) {
      throw new IllegalArgumentException("precision must be between 0 and 9");
    }
    if (surplusLimit < 1) {
      throw new IllegalArgumentException("surplus limit must be at least one unit");
    }
    Objects.requireNonNull(thresholdFormula);
    Objects.requireNonNull(weakTieBreak);
    Objects.requireNonNull(seed);
  }

  /**
   * OpaVote's Meek STV as used for Stack Exchange elections: 6 decimals, Droop, dynamic,
   * fractional, backward weak tie-break, surplus limit one unit (10⁻⁶).
   */
  public static CountOptions opaVote(String seed) {
    return new CountOptions(6, ThresholdFormula.DROOP, true, true, WeakTieBreak.BACKWARD, 1, seed);
  }

  public CountOptions withSeed(String newSeed) {
    return new CountOptions(
        precision,
        thresholdFormula,
        dynamicThreshold,
        fractionalThreshold,
        weakTieBreak,
        surplusLimit,
        newSeed);
  }

  public CountOptions withWeakTieBreak(WeakTieBreak method) {
    return new CountOptions(
        precision,
        thresholdFormula,
        dynamicThreshold,
        fractionalThreshold,
        method,
        surplusLimit,
        seed);
  }

  public CountOptions withFractionalThreshold(boolean fractional) {
    return new CountOptions(
        precision,
        thresholdFormula,
        dynamicThreshold,
        fractional,
        weakTieBreak,
        surplusLimit,
        seed);
  }

  public CountOptions withDynamicThreshold(boolean dynamic) {
    return new CountOptions(
        precision,
        thresholdFormula,
        dynamic,
        fractionalThreshold,
        weakTieBreak,
        surplusLimit,
        seed);
  }

  /** 10^precision: the number of units in one vote. */
  public long unit() {
    long p = 1;
    for (int i = 0; i < precision; i++) {
      p *= 10;
    }
    return p;
  }
}
