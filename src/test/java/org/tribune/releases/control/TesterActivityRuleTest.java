package org.tribune.releases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TesterActivityRuleTest {

  private final TesterActivityRule rule = new TesterActivityRule(2, Duration.ofDays(30));

  @Test
  void twoMissedBuildsInARowRemove() {
    assertTrue(rule.removes(List.of(false, false, true)));
  }

  @Test
  void aRecentVerdictKeeps() {
    assertFalse(rule.removes(List.of(true, false, false)));
    assertFalse(rule.removes(List.of(false, true)));
  }

  @Test
  void tooFewBuildsToJudge() {
    assertFalse(rule.removes(List.of(false)));
  }

  @Test
  void coolDownIsCountedFromTheRemoval() {
    Instant removed = Instant.parse("2026-11-02T10:00:00Z");
    assertEquals(Instant.parse("2026-12-02T10:00:00Z"), rule.coolDownUntil(removed));
  }
}
