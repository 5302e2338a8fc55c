package org.tribune.selection.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

class RoundTimelineTest {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  private static RoundTimeline days(int nomination, int endorsement, int voting) {
    return new RoundTimeline(
        T0,
        T0.plus(Duration.ofDays(nomination)),
        T0.plus(Duration.ofDays(nomination + endorsement)),
        T0.plus(Duration.ofDays(nomination + endorsement + voting)));
  }

  @Test
  void phaseFollowsTheClockWithStartsInclusiveAndEndsExclusive() {
    RoundTimeline t = days(7, 3, 5);
    assertEquals(RoundPhase.UPCOMING, t.phaseAt(T0.minusMillis(1)));
    assertEquals(RoundPhase.NOMINATION, t.phaseAt(T0));
    assertEquals(RoundPhase.NOMINATION, t.phaseAt(t.nominationClosesAt().minusMillis(1)));
    assertEquals(RoundPhase.ENDORSEMENT, t.phaseAt(t.nominationClosesAt()));
    assertEquals(RoundPhase.VOTING, t.phaseAt(t.endorsementClosesAt()));
    assertEquals(RoundPhase.VOTING, t.phaseAt(t.votingClosesAt().minusMillis(1)));
    assertEquals(RoundPhase.COUNTING, t.phaseAt(t.votingClosesAt()));
  }

  @Test
  void advancingEndsTheRunningPhaseNowAndKeepsLaterBoundaries() {
    RoundTimeline t = days(7, 3, 5);
    Instant now = T0.plus(Duration.ofDays(2));
    RoundTimeline advanced = t.advancedAt(now);
    assertEquals(now, advanced.nominationClosesAt());
    assertEquals(t.endorsementClosesAt(), advanced.endorsementClosesAt());
    assertEquals(RoundPhase.ENDORSEMENT, advanced.phaseAt(now));

    RoundTimeline early = t.advancedAt(T0.minus(Duration.ofDays(1)));
    assertEquals(RoundPhase.NOMINATION, early.phaseAt(T0.minus(Duration.ofDays(1))));
  }

  @Test
  void everyPhaseCanBeAdvancedInTurnUntilCounting() {
    RoundTimeline t = days(7, 3, 5);
    Instant now = T0.plusSeconds(60);
    for (RoundPhase expected :
        new RoundPhase[] {RoundPhase.ENDORSEMENT, RoundPhase.VOTING, RoundPhase.COUNTING}) {
      t = t.advancedAt(now);
      assertEquals(expected, t.phaseAt(now));
      now = now.plusSeconds(1);
    }
    RoundTimeline closed = t;
    Instant later = now;
    DomainException e = assertThrows(DomainException.class, () -> closed.advancedAt(later));
    assertEquals("invalid-transition", e.type());
  }

  @Test
  void aTimelineMustRunForward() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> new RoundTimeline(T0, T0, T0.plusSeconds(10), T0.plusSeconds(20)));
    assertEquals("timeline", e.errors().get(0).field());
    assertThrows(
        DomainException.class,
        () -> new RoundTimeline(T0, T0.plusSeconds(30), T0.plusSeconds(20), T0.plusSeconds(40)));
  }
}
