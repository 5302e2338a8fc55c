package org.tribune.releases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;

class TesterApplicationTest {

  private static final Instant APPLIED = Instant.parse("2026-11-20T09:00:00Z");
  private static final Instant LATER = APPLIED.plus(Duration.ofDays(2));
  private static final MemberId MANAGER = new MemberId(1);

  private static TesterApplication application() {
    return new TesterApplication(new MemberId(42), 7, "  I flash every weekly build.  ", APPLIED);
  }

  @Test
  void anApplicationIsOpenUntilDecided() {
    TesterApplication a = application();
    assertTrue(a.open());
    assertEquals("open", a.outcome());
    assertNull(a.decidedAt());
    assertEquals("I flash every weekly build.", a.motivation());
  }

  @Test
  void aDeclineKeepsTheReasonTheManagerAndTheTime() {
    TesterApplication a = application();
    a.decline(MANAGER, "  We have enough testers for this device.  ", LATER);
    assertFalse(a.open());
    assertEquals("declined", a.outcome());
    assertEquals("We have enough testers for this device.", a.declineReason());
    assertEquals(LATER, a.decidedAt());
    assertEquals(1L, a.decidedBy());
  }

  @Test
  void aDeclineNeedsAReasonOfAtMostAThousandCharacters() {
    for (String bad : new String[] {null, "", "   ", "x".repeat(1001)}) {
      TesterApplication a = application();
      DomainException refused =
          assertThrows(DomainException.class, () -> a.decline(MANAGER, bad, LATER));
      assertEquals("invalid-input", refused.type());
      assertEquals("reason", refused.errors().get(0).field());
      assertTrue(a.open(), "nothing changed");
      assertNull(a.declineReason());
    }
    TesterApplication a = application();
    a.decline(MANAGER, "y".repeat(1000), LATER);
    assertEquals(1000, a.declineReason().length());
  }

  @Test
  void aDecidedApplicationCannotBeDeclined() {
    TesterApplication invited = application();
    invited.invited(MANAGER, LATER);
    DomainException refused =
        assertThrows(
            DomainException.class,
            () -> invited.decline(MANAGER, "Too late.", LATER.plusSeconds(1)));
    assertEquals("application-decided", refused.type());
    assertEquals(DomainException.Kind.CONFLICT, refused.kind());
    assertEquals("invited", invited.outcome());
    assertNull(invited.declineReason());

    TesterApplication declined = application();
    declined.decline(MANAGER, "First reason.", LATER);
    assertThrows(
        DomainException.class,
        () -> declined.decline(MANAGER, "Second reason.", LATER.plusSeconds(1)));
    assertEquals("First reason.", declined.declineReason());
    assertEquals(LATER, declined.decidedAt());
  }

  @Test
  void anInvitationDecidesOnlyAnOpenApplication() {
    TesterApplication a = application();
    a.invited(MANAGER, LATER);
    assertEquals("invited", a.outcome());
    assertEquals(LATER, a.decidedAt());

    TesterApplication declined = application();
    declined.decline(MANAGER, "Not now.", LATER);
    declined.invited(MANAGER, LATER.plusSeconds(60));
    assertEquals("declined", declined.outcome(), "a later invitation leaves a decline as it was");
    assertEquals(LATER, declined.decidedAt());
  }
}
