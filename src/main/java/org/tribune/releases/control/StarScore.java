package org.tribune.releases.control;

/**
 * Evan Miller's Bayesian score for star ratings ("Ranking items with star ratings", 2015), as
 * DESIGN.md §2 writes it. Each build's ratings are a draw from a Dirichlet posterior with one
 * pseudo-rating per star level (a uniform prior), so with N ratings:
 *
 * <pre>
 *   μ  = Σ k·(n_k+1) / (N+5)          the posterior mean of the star value
 *   μ₂ = Σ k²·(n_k+1) / (N+5)
 *   σ² = (μ₂ − μ²) / (N+6)             the variance of that mean under the posterior
 *   score = μ − z·σ,  z = 1.65         (a one-sided 95 % lower bound)
 * </pre>
 *
 * A build with few ratings is pulled towards 3 and penalised for its uncertainty, so ten five-star
 * ratings do not outrank a thousand 4.6-star ones. The same μ and σ² serve {@link BuildComparison}.
 */
public final class StarScore {

  public static final double Z = 1.65;

  private StarScore() {}

  public static double posteriorMean(StarDistribution d) {
    return moment(d, 1);
  }

  public static double posteriorVariance(StarDistribution d) {
    double mu = moment(d, 1);
    double mu2 = moment(d, 2);
    return (mu2 - mu * mu) / (d.total() + 6.0);
  }

  public static double lowerBound(StarDistribution d) {
    return posteriorMean(d) - Z * Math.sqrt(posteriorVariance(d));
  }

  private static double moment(StarDistribution d, int power) {
    double sum = 0;
    for (int k = 1; k <= 5; k++) {
      sum += Math.pow(k, power) * (d.count(k) + 1);
    }
    return sum / (d.total() + 5.0);
  }
}
