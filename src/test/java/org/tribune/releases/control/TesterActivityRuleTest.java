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
  void missedBuildsAreCountedFromTheNewestUntilTheFirstVerdict() {
    assertEquals(0, TesterActivityRule.missedInARow(List.of()));
    assertEquals(0, TesterActivityRule.missedInARow(List.of(true, false)));
    assertEquals(1, TesterActivityRule.missedInARow(List.of(false, true, false)));
    assertEquals(3, TesterActivityRule.missedInARow(List.of(false, false, false)));
  }

  @Test
  void aTesterWhoMissedTheNewestBuildIsWarnedBeforeBeingRemoved() {
    assertTrue(rule.warns(List.of(false, true)));
    assertTrue(rule.warns(List.of(false)), "one build so far, missed: warned, not removed");
    assertFalse(rule.removes(List.of(false, true)));
    assertFalse(rule.warns(List.of(true, false)));
    assertFalse(rule.warns(List.of()));
    assertFalse(rule.warns(List.of(false, false)), "removed, not warned");
  }

  @Test
  void aLongerRuleWarnsUntilTheLastAllowedMiss() {
    TesterActivityRule three = new TesterActivityRule(3, Duration.ofDays(30));
    assertTrue(three.warns(List.of(false, true)));
    assertTrue(three.warns(List.of(false, false, true)));
    assertFalse(three.warns(List.of(false, false, false)));
    assertTrue(three.removes(List.of(false, false, false)));
  }

  @Test
  void aRuleOfOneMissNeverWarns() {
    TesterActivityRule one = new TesterActivityRule(1, Duration.ofDays(30));
    assertFalse(one.warns(List.of(false)));
    assertTrue(one.removes(List.of(false)));
  }

  @Test
  void coolDownIsCountedFromTheRemoval() {
    Instant removed = Instant.parse("2026-11-02T10:00:00Z");
    assertEquals(Instant.parse("2026-12-02T10:00:00Z"), rule.coolDownUntil(removed));
  }
}
