package org.tribune.releases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;

class BuildTest {

  private static final Instant RELEASE = Instant.parse("2026-11-02T10:00:00Z");
  private static final MemberId MANAGER = new MemberId(1);

  private static Build build() {
    return Build.publish(
        7L,
        "OS2.0.100",
        RELEASE,
        Duration.ofHours(48),
        "1,2,5,10,20,50,100",
        7,
        List.of(new Build.Line("Camera fixes", null)),
        MANAGER,
        RELEASE.minus(Duration.ofDays(3)));
  }

  @Test
  void channelsFollowTheTimeline() {
    Build b = build();
    assertEquals(Channel.UPCOMING, b.channel(RELEASE.minus(Duration.ofHours(49))));
    assertEquals(Channel.TRUSTED, b.channel(RELEASE.minus(Duration.ofHours(47))));
    assertEquals(Channel.DEVELOPER, b.channel(RELEASE));
    b.promoteToStable(RELEASE.plus(Duration.ofDays(8)));
    assertEquals(Channel.STABLE, b.channel(RELEASE.plus(Duration.ofDays(9))));
  }

  @Test
  void judgedBadHaltsTheRolloutOnce() {
    Build b = build();
    assertTrue(b.judgeBad("3 bad", RELEASE));
    assertTrue(b.halted());
    assertTrue(b.notRecommended());
    assertFalse(b.judgeBad("4 bad", RELEASE.plusSeconds(60)));
    assertEquals(1, b.events().size());
    assertEquals(null, b.events().get(0).actorId());
  }

  @Test
  void aBadBuildCannotBeResumedWithoutAnOverride() {
    Build b = build();
    b.judgeBad("3 bad", RELEASE);
    DomainException refused =
        assertThrows(DomainException.class, () -> b.resume("go", MANAGER, RELEASE.plusSeconds(5)));
    assertEquals("build-bad", refused.type());
  }

  @Test
  void shipAnywayNeedsAReasonKeepsTheVerdictOnRecordAndResumes() {
    Build b = build();
    b.judgeBad("3 bad", RELEASE);
    assertThrows(DomainException.class, () -> b.override(true, " ", MANAGER, RELEASE));
    b.override(true, "Only rooted phones affected.", MANAGER, RELEASE.plusSeconds(10));
    assertEquals(BuildVerdict.SHIPPED_ANYWAY, b.verdict());
    assertEquals("3 bad", b.verdictReason());
    assertEquals("Only rooted phones affected.", b.overrideReason());
    assertFalse(b.halted());
    assertFalse(b.notRecommended());
    // The rule is no longer asked once the company has overridden it.
    assertFalse(b.judgeBad("5 bad", RELEASE.plusSeconds(20)));
    assertEquals(BuildVerdict.SHIPPED_ANYWAY, b.verdict());
  }

  @Test
  void clearingTheVerdict() {
    Build b = build();
    b.judgeBad("fast track", RELEASE);
    b.override(false, "Reports were about a different build.", MANAGER, RELEASE);
    assertEquals(BuildVerdict.CLEARED, b.verdict());
    assertEquals("clear_verdict", b.overrideDecision());
  }

  @Test
  void onlyABadBuildCanBeOverridden() {
    Build b = build();
    DomainException refused =
        assertThrows(DomainException.class, () -> b.override(true, "why", MANAGER, RELEASE));
    assertEquals("build-not-bad", refused.type());
  }

  @Test
  void aPassedBuildMayStillTurnBad() {
    Build b = build();
    b.judgePassed(RELEASE);
    assertEquals(BuildVerdict.PASSED, b.verdict());
    assertTrue(b.judgeBad("late bad verdicts", RELEASE.plus(Duration.ofDays(1))));
  }

  @Test
  void aManualHaltIsNotRepeated() {
    Build b = build();
    b.halt("Crash spike", MANAGER, RELEASE);
    assertThrows(DomainException.class, () -> b.halt("again", MANAGER, RELEASE));
    b.resume("Fixed server side", MANAGER, RELEASE.plusSeconds(60));
    assertFalse(b.halted());
  }
}
