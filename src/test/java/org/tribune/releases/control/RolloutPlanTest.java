package org.tribune.releases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {

  private static final Instant R = Instant.parse("2026-11-02T10:00:00Z");
  private final RolloutPlan plan = new RolloutPlan(new int[] {1, 2, 5, 10, 20, 50, 100}, 7);

  private RolloutPlan.State at(Duration after, List<RolloutPlan.Event> events) {
    return plan.at(R, events, R.plus(after));
  }

  @Test
  void oneStepADay() {
    assertEquals(0, plan.at(R, List.of(), R.minusSeconds(1)).offeredPercent());
    assertEquals(1, at(Duration.ZERO, List.of()).percent());
    assertEquals(1, at(Duration.ofHours(23), List.of()).percent());
    assertEquals(2, at(Duration.ofHours(24), List.of()).percent());
    assertEquals(5, at(Duration.ofHours(60), List.of()).percent());
    assertEquals(100, at(Duration.ofDays(6), List.of()).percent());
    assertEquals(100, at(Duration.ofDays(30), List.of()).percent());
  }

  @Test
  void haltOffersNothingAndResumeGoesOnFromTheSameStep() {
    // halted at 2.5 days (5 %), resumed at day 10: 2.5 days have run, still 5 %; half a day later
    // three days have run: 10 %.
    List<RolloutPlan.Event> events =
        List.of(
            new RolloutPlan.Event(true, R.plus(Duration.ofHours(60))),
            new RolloutPlan.Event(false, R.plus(Duration.ofDays(10))));
    RolloutPlan.State halted = at(Duration.ofDays(5), events.subList(0, 1));
    assertTrue(halted.halted());
    assertEquals(5, halted.percent());
    assertEquals(0, halted.offeredPercent());
    assertEquals(5, at(Duration.ofDays(10), events).offeredPercent());
    assertEquals(10, at(Duration.ofHours(252), events).offeredPercent());
  }

  @Test
  void aHaltBeforeTheReleaseCountsFromTheRelease() {
    List<RolloutPlan.Event> events =
        List.of(
            new RolloutPlan.Event(true, R.minus(Duration.ofHours(5))),
            new RolloutPlan.Event(false, R.plus(Duration.ofDays(2))));
    assertEquals(1, at(Duration.ofDays(2), events).offeredPercent());
  }

  @Test
  void cohortIsStableAndRaisingThePercentageOnlyAddsSubjects() {
    int cohort = RolloutPlan.cohort(42, "device:abc");
    assertEquals(cohort, RolloutPlan.cohort(42, "device:abc"));
    assertTrue(cohort >= 0 && cohort < RolloutPlan.COHORTS);
    int offeredAt5 = 0;
    int offeredAt10 = 0;
    for (int i = 0; i < 10_000; i++) {
      int c = RolloutPlan.cohort(42, "device:" + i);
      boolean at5 = RolloutPlan.offers(new RolloutPlan.State(5, false, true), c);
      boolean at10 = RolloutPlan.offers(new RolloutPlan.State(10, false, true), c);
      assertFalse(at5 && !at10);
      offeredAt5 += at5 ? 1 : 0;
      offeredAt10 += at10 ? 1 : 0;
    }
    // Binomial(10000, 0.05): mean 500, σ ≈ 21.8; far outside ±5σ would mean a skewed hash.
    assertTrue(Math.abs(offeredAt5 - 500) < 110, "offered at 5 %: " + offeredAt5);
    assertTrue(Math.abs(offeredAt10 - 1000) < 150, "offered at 10 %: " + offeredAt10);
  }

  @Test
  void cohortsDifferBetweenBuilds() {
    int same = 0;
    for (int i = 0; i < 100; i++) {
      if (RolloutPlan.cohort(1, "m" + i) == RolloutPlan.cohort(2, "m" + i)) {
        same++;
      }
    }
    assertTrue(same < 5);
  }

  @Test
  void stepsMustRiseToAtMostOneHundred() {
    assertThrows(IllegalArgumentException.class, () -> new RolloutPlan(new int[] {5, 2}, 7));
    assertThrows(IllegalArgumentException.class, () -> new RolloutPlan(new int[] {1, 101}, 7));
    assertThrows(IllegalArgumentException.class, () -> RolloutPlan.parseSteps("1,x"));
  }
}
