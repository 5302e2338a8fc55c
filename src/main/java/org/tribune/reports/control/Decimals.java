package org.tribune.reports.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How reports round: shares as fractions with 4 decimals (0.7167 = 71.67 %), means with 2, STV
 * votes with the count's own 6. Rounding half-even, once, at the end — the stored document is what
 * every format shows, so a CSV and the page cannot round differently.
 */
final class Decimals {

  static final int SHARE_SCALE = 4;
  static final int MEAN_SCALE = 2;

  private Decimals() {}

  /** {@code part / whole} as a fraction, or null when {@code whole} is 0. */
  static BigDecimal share(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part)
            .divide(BigDecimal.valueOf(whole), SHARE_SCALE, RoundingMode.HALF_EVEN);
  }

  static BigDecimal share(double fraction) {
    return BigDecimal.valueOf(fraction).setScale(SHARE_SCALE, RoundingMode.HALF_EVEN);
  }

  static BigDecimal mean(long sum, long count) {
    return count == 0
        ? null
        : BigDecimal.valueOf(sum)
            .divide(BigDecimal.valueOf(count), MEAN_SCALE, RoundingMode.HALF_EVEN);
  }

  static BigDecimal micro(long units) {
    return BigDecimal.valueOf(units, 6);
  }
}
