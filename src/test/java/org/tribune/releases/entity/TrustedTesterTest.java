package org.tribune.releases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;

class TrustedTesterTest {

  private static final Instant JOINED = Instant.parse("2026-10-01T08:00:00Z");
  private static final Instant REMOVED = JOINED.plus(Duration.ofDays(20));
  private static final Instant COOL_DOWN_ENDS = REMOVED.plus(Duration.ofDays(30));
  private static final MemberId MANAGER = new MemberId(1);

  private static TrustedTester removedTester(Instant coolDownUntil) {
    TrustedTester tester = new TrustedTester(new MemberId(42), 7, MANAGER, JOINED);
    tester.remove("No verdict on the last 2 builds of the device.", REMOVED, coolDownUntil);
    return tester;
  }

  @Test
  void aRemovedTesterCannotBeInvitedBeforeTheCoolDownEnds() {
    TrustedTester tester = removedTester(COOL_DOWN_ENDS);
    assertTrue(tester.coolingDown(COOL_DOWN_ENDS.minusSeconds(1)));
    DomainException refused =
        assertThrows(
            DomainException.class,
            () -> tester.reinvite(7, MANAGER, COOL_DOWN_ENDS.minusSeconds(1)));
    assertEquals("tester-cool-down", refused.type());
    assertEquals("removed", tester.status());
  }

  @Test
  void afterTheCoolDownTheTesterIsInvitedAgainWithACleanRecord() {
    TrustedTester tester = removedTester(COOL_DOWN_ENDS);
    assertFalse(tester.coolingDown(COOL_DOWN_ENDS));
    tester.reinvite(8, MANAGER, COOL_DOWN_ENDS);
    assertTrue(tester.active());
    assertEquals(8, tester.deviceId());
    assertEquals(COOL_DOWN_ENDS, tester.invitedAt());
    assertEquals(null, tester.coolDownUntil());
    assertEquals(null, tester.removalReason());
  }

  @Test
  void aRemovalWithoutCoolDownAllowsReapplyingAtOnce() {
    TrustedTester tester = removedTester(null);
    assertFalse(tester.coolingDown(REMOVED));
    tester.requireCoolDownOver(REMOVED);
  }

  @Test
  void anActiveTesterIsNotInvitedTwice() {
    TrustedTester tester = new TrustedTester(new MemberId(42), 7, MANAGER, JOINED);
    assertFalse(tester.coolingDown(JOINED));
    DomainException refused =
        assertThrows(DomainException.class, () -> tester.reinvite(7, MANAGER, JOINED));
    assertEquals("already-tester", refused.type());
  }
}
