package org.tribune.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tribune.voting.control.Trending;

class TrendingTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void aVoteCastNowCountsAsOne() {
    assertEquals(1.0, Trending.score(Trending.weight(NOW), NOW), 1e-9);
  }

  @Test
  void aVoteLosesHalfItsWeightEveryThreeDays() {
    double mass = Trending.weight(NOW.minus(Duration.ofHours(72)));
    assertEquals(0.5, Trending.score(mass, NOW), 1e-9);
    mass = Trending.weight(NOW.minus(Duration.ofHours(144)));
    assertEquals(0.25, Trending.score(mass, NOW), 1e-9);
  }

  @Test
  void fewRecentVotesOutrankManyOldOnes() {
    double recent = 3 * Trending.weight(NOW.minus(Duration.ofHours(1)));
    double old = 10 * Trending.weight(NOW.minus(Duration.ofDays(14)));
    assertTrue(recent > old);
    assertEquals(3 * Math.pow(2, -1 / 72.0), Trending.score(recent, NOW), 1e-9);
  }

  @Test
  void orderingByMassIsOrderingByScoreAtAnyTime() {
    double a = Trending.weight(NOW.minus(Duration.ofDays(1))) * 4;
    double b = Trending.weight(NOW) * 3;
    Instant later = NOW.plus(Duration.ofDays(30));
    assertEquals(
        Double.compare(a, b), Double.compare(Trending.score(a, later), Trending.score(b, later)));
  }
}
