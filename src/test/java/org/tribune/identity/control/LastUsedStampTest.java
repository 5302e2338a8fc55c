package org.tribune.identity.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastUsedStampTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final LastUsedStamp stamp = new LastUsedStamp(Duration.ofHours(1), clock);

  @Test
  void firstUseOfANeverUsedTokenIsWritten() {
    assertTrue(stamp.claim(1, null));
  }

  @Test
  void furtherUsesWithinTheHourAreNotWritten() {
    stamp.claim(1, null);
    clock.advance(Duration.ofMinutes(59));
    assertFalse(stamp.claim(1, null));
  }

  @Test
  void useAfterAnHourIsWrittenAgain() {
    stamp.claim(1, null);
    clock.advance(Duration.ofHours(1));
    assertTrue(stamp.claim(1, null));
  }

  @Test
  void aRecentStampFromTheDatabaseCounts() {
    assertFalse(stamp.claim(1, clock.instant().minus(Duration.ofMinutes(10))));
  }

  @Test
  void aStampRememberedFromTheDatabaseCounts() {
    stamp.remember(1, clock.instant().minus(Duration.ofMinutes(10)));
    assertFalse(stamp.claim(1, null));
    stamp.remember(2, clock.instant().minus(Duration.ofMinutes(61)));
    assertTrue(stamp.claim(2, null));
  }

  @Test
  void tokensAreStampedIndependently() {
    stamp.claim(1, null);
    assertTrue(stamp.claim(2, null));
  }
}
