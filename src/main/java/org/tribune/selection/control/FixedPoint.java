package org.tribune.selection.control;

/** Fixed-point numbers as the count prints them: integer units shown with their decimals. */
public final class FixedPoint {

  private FixedPoint() {}

  /** {@code format(1_500_000, 6)} is {@code "1.500000"}. */
  public static String format(long units, int precision) {
    if (precision == 0) {
      return Long.toString(units);
    }
    String sign = units < 0 ? "-" : "";
    long abs = Math.abs(units);
    long p = 1;
    for (int i = 0; i < precision; i++) {
      p *= 10;
    }
    return sign + (abs / p) + "." + String.format("%0" + precision + "d", abs % p);
  }
}
