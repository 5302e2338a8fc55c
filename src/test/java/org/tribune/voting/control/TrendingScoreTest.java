package org.tribune.voting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrendingScoreTest {

  private static final Instant E = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aVoteAtTheEpochWeighsOne() {
    assertEquals(1.0, TrendingScore.weight(E), 1e-12);
  }

  @Test
  void aVoteHalvesInScoreEveryThreeDays() {
    Instant cast = Instant.parse("2026-11-23T10:15:30Z");
    double mass = TrendingScore.weight(cast);
    assertEquals(1.0, TrendingScore.score(mass, cast), 1e-9);
    assertEquals(0.5, TrendingScore.score(mass, cast.plus(Duration.ofHours(72))), 1e-9);
    assertEquals(0.25, TrendingScore.score(mass, cast.plus(Duration.ofDays(6))), 1e-9);
  }

  @Test
  void scoreIsTheSumOfDiscountedVotes() {
    Instant now = Instant.parse("2026-06-10T00:00:00Z");
    double mass = TrendingScore.weight(now) + TrendingScore.weight(now.minus(Duration.ofDays(3)));
    assertEquals(1.5, TrendingScore.score(mass, now), 1e-9);
  }

  @Test
  void sortingByMassEqualsSortingByScoreAtAnyMoment() {
    Instant now = Instant.parse("2026-06-10T00:00:00Z");
    double recentFew = 2 * TrendingScore.weight(now.minus(Duration.ofHours(1)));
    double oldMany = 5 * TrendingScore.weight(now.minus(Duration.ofDays(9)));
    assertTrue(recentFew > oldMany);
    for (int days = 0; days < 30; days += 7) {
      Instant later = now.plus(Duration.ofDays(days));
      assertTrue(TrendingScore.score(recentFew, later) > TrendingScore.score(oldMany, later));
    }
  }
}
