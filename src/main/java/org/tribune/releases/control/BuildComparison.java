package org.tribune.releases.control;

import java.util.List;

/**
 * How a build compares with its predecessors on the same device: the previous build, and the last
 * four pooled (all their ratings together, so a build with more ratings weighs more).
 *
 * <p>The probability that the new build is worse than the previous one is P(μ_new &lt; μ_prev)
 * where μ is each build's mean star value under its Dirichlet posterior ({@link StarScore}). For
 * the counts we see (tens to thousands of ratings) that mean is close to normal, with mean μ and
 * variance σ² as in {@link StarScore}; the two builds' ratings are independent, so
 *
 * <pre>  P(worse) = Φ((μ_prev − μ_new) / √(σ²_new + σ²_prev))</pre>
 *
 * with Φ the standard normal distribution function. Two builds with the same ratings give 0.5; the
 * prior keeps the answer sensible with no ratings at all.
 */
public final class BuildComparison {

  private BuildComparison() {}

  public static double probabilityWorse(StarDistribution candidate, StarDistribution previous) {
    double diff = StarScore.posteriorMean(previous) - StarScore.posteriorMean(candidate);
    double sd =
        Math.sqrt(StarScore.posteriorVariance(candidate) + StarScore.posteriorVariance(previous));
    return normalCdf(diff / sd);
  }

  /** The plain mean of the ratings of the given builds together, or null without ratings. */
  public static Double pooledMean(List<StarDistribution> builds) {
    return StarDistribution.pooled(builds).mean();
  }

  /**
   * A device's rolling score: the lower bound over the pooled ratings of its most recent builds
   * (the caller passes them, newest first, as many as the window holds).
   */
  public static double rollingScore(List<StarDistribution> recentBuilds) {
    return StarScore.lowerBound(StarDistribution.pooled(recentBuilds));
  }

  /** Φ(x) from the error function (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7). */
  static double normalCdf(double x) {
    return 0.5 * (1 + erf(x / Math.sqrt(2)));
  }

  private static double erf(double x) {
    double sign = Math.signum(x);
    double a = Math.abs(x);
    double t = 1 / (1 + 0.3275911 * a);
    double poly =
        t
            * (0.254829592
                + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    return sign * (1 - poly * Math.exp(-a * a));
  }
}
