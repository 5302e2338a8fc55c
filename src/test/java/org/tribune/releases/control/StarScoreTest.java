package org.tribune.releases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StarScoreTest {

  @Test
  void noRatingsScoreThePriorAlone() {
    // μ = 15/5 = 3, μ₂ = 55/5 = 11, σ² = (11 − 9)/6 = 1/3, score = 3 − 1.65·0.57735 = 2.04737
    StarDistribution none = StarDistribution.EMPTY;
    assertEquals(3.0, StarScore.posteriorMean(none), 1e-9);
    assertEquals(1.0 / 3, StarScore.posteriorVariance(none), 1e-9);
    assertEquals(2.047372, StarScore.lowerBound(none), 1e-6);
    assertNull(none.mean());
  }

  @Test
  void tenFiveStarRatings() {
    // Σk(n+1) = 1+2+3+4+55 = 65 → μ = 65/15 = 4.333333; Σk²(n+1) = 1+4+9+16+275 = 305 → μ₂ =
    // 20.333333; σ² = (20.333333 − 18.777778)/16 = 0.0972222; score = 4.333333 − 1.65·0.3118048
    StarDistribution d = StarDistribution.of(0, 0, 0, 0, 10);
    assertEquals(4.333333, StarScore.posteriorMean(d), 1e-6);
    assertEquals(0.0972222, StarScore.posteriorVariance(d), 1e-7);
    assertEquals(3.818855, StarScore.lowerBound(d), 1e-6);
    assertEquals(5.0, d.mean(), 1e-9);
  }

  @Test
  void manyGoodRatingsOutrankAFewPerfectOnes() {
    StarDistribution few = StarDistribution.of(0, 0, 0, 0, 10);
    StarDistribution many = StarDistribution.of(20, 20, 60, 300, 600);
    assertTrue(StarScore.lowerBound(many) > StarScore.lowerBound(few));
  }

  @Test
  void mixedDistribution() {
    // n = (1,1,2,3,3), N = 10: Σk(n+1) = 2+4+9+16+20 = 51 → μ = 3.4; Σk²(n+1) = 2+8+27+64+100 =
    // 201 → μ₂ = 13.4; σ² = (13.4 − 11.56)/16 = 0.115; score = 3.4 − 1.65·0.3391165 = 2.840457
    StarDistribution d = StarDistribution.of(1, 1, 2, 3, 3);
    assertEquals(3.4, StarScore.posteriorMean(d), 1e-9);
    assertEquals(0.115, StarScore.posteriorVariance(d), 1e-9);
    assertEquals(2.840458, StarScore.lowerBound(d), 1e-6);
    assertEquals(3.6, d.mean(), 1e-9);
  }

  @Test
  void comparisonOfEqualBuildsIsACoinFlip() {
    StarDistribution d = StarDistribution.of(1, 1, 2, 3, 3);
    assertEquals(0.5, BuildComparison.probabilityWorse(d, d), 1e-7);
  }

  @Test
  void probabilityWorseByNormalApproximation() {
    // new: n=(1,1,2,3,3) μ 3.4, σ² 0.115; previous: ten fives μ 4.333333, σ² 0.0972222.
    // z = (4.333333 − 3.4)/√0.2122222 = 0.933333/0.4606758 = 2.026009; Φ(2.026009) = 0.978620
    StarDistribution now = StarDistribution.of(1, 1, 2, 3, 3);
    StarDistribution before = StarDistribution.of(0, 0, 0, 0, 10);
    assertEquals(0.978620, BuildComparison.probabilityWorse(now, before), 1e-5);
    assertEquals(1 - 0.978620, BuildComparison.probabilityWorse(before, now), 1e-5);
  }

  @Test
  void pooledMeanAndRollingScoreUseAllRatingsTogether() {
    StarDistribution a = StarDistribution.of(0, 0, 0, 0, 10);
    StarDistribution b = StarDistribution.of(1, 1, 2, 3, 3);
    // pooled n = (1,1,2,3,13), N = 20, Σk·n = 1+2+6+12+65 = 86 → mean 4.3
    assertEquals(4.3, BuildComparison.pooledMean(List.of(a, b)), 1e-9);
    assertEquals(
        StarScore.lowerBound(StarDistribution.of(1, 1, 2, 3, 13)),
        BuildComparison.rollingScore(List.of(a, b)),
        1e-12);
    assertNull(BuildComparison.pooledMean(List.of()));
  }

  @Test
  void normalDistributionFunction() {
    assertEquals(0.5, BuildComparison.normalCdf(0), 1e-7);
    assertEquals(0.975002, BuildComparison.normalCdf(1.96), 1e-6);
    assertEquals(0.158655, BuildComparison.normalCdf(-1), 1e-6);
  }
}
