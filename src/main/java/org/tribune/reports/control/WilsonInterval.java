package org.tribune.reports.control;

/**
 * The Wilson score interval for a share {@code successes / n}: unlike the textbook p ±
 * z·√(p(1−p)/n) it stays inside 0..1 and is honest for small samples and for shares near 0 or 1 —
 * which is exactly where a department with few answers sits. 95% uses z = 1.959964.
 */
public record WilsonInterval(double low, double high) {

  public static final double Z95 = 1.959963984540054;

  public static WilsonInterval of(long successes, long n) {
    return of(successes, n, Z95);
  }

  public static WilsonInterval of(long successes, long n, double z) {
    if (n <= 0 || successes < 0 || successes > n) {
      throw new IllegalArgumentException("need 0 <= successes <= n and n > 0");
    }
    double p = (double) successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
