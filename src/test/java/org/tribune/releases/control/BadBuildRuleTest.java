package org.tribune.releases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribune.releases.control.BadBuildRule.Bad;
import org.tribune.releases.control.BadBuildRule.Passed;
import org.tribune.releases.control.BadBuildRule.Waiting;

class BadBuildRuleTest {

  private final BadBuildRule rule = new BadBuildRule(3, 2);

  @Test
  void waitsUntilTheWindowCloses() {
    assertEquals(new Waiting(0, 5), rule.judge(0, 5, 0, false));
  }

  @Test
  void threeBadAndMoreBadThanGoodIsBadAfterTheWindow() {
    Bad bad = assertInstanceOf(Bad.class, rule.judge(2, 3, 0, true));
    assertTrue(!bad.fastTrack());
  }

  @Test
  void twoBadAreNotEnough() {
    assertEquals(new Passed(0, 2), rule.judge(0, 2, 0, true));
  }

  @Test
  void asManyGoodAsBadPasses() {
    assertEquals(new Passed(3, 3), rule.judge(3, 3, 0, true));
    assertEquals(new Passed(4, 3), rule.judge(4, 3, 0, true));
  }

  @Test
  void twoConfirmedP0ReportsMakeItBadAtOnce() {
    Bad bad = assertInstanceOf(Bad.class, rule.judge(10, 2, 2, false));
    assertTrue(bad.fastTrack());
  }

  @Test
  void oneConfirmedP0IsNotAFastTrack() {
    assertEquals(new Waiting(10, 2), rule.judge(10, 2, 1, false));
  }

  @Test
  void thresholdsAreConfigurable() {
    BadBuildRule strict = new BadBuildRule(5, 1);
    assertEquals(new Passed(0, 4), strict.judge(0, 4, 0, true));
    assertInstanceOf(Bad.class, strict.judge(0, 0, 1, false));
  }
}
