package org.tribune.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

  @Test
  void eightOfTenMatchesTheHandComputedInterval() {
    // p = 0.8, z² = 3.8415; centre = (0.8 + 0.19208) / 1.38415 = 0.71674;
    // half = 1.96 · √(0.016 + 0.0096038) / 1.38415 = 0.22657
    WilsonInterval ci = WilsonInterval.of(8, 10);
    assertEquals(0.4902, ci.low(), 1e-4);
    assertEquals(0.9433, ci.high(), 1e-4);
  }

  @Test
  void allSuccessesStayBelowOneAndNoneAboveZero() {
    WilsonInterval all = WilsonInterval.of(5, 5);
    assertEquals(1.0, all.high(), 1e-12);
    assertEquals(0.5655, all.low(), 1e-4);
    WilsonInterval none = WilsonInterval.of(0, 5);
    assertEquals(0.0, none.low(), 1e-12);
    assertEquals(0.4345, none.high(), 1e-4);
  }

  @Test
  void halfOfAHundredIsSymmetricAroundOneHalf() {
    WilsonInterval ci = WilsonInterval.of(50, 100);
    assertEquals(0.4038, ci.low(), 1e-4);
    assertEquals(0.5962, ci.high(), 1e-4);
  }

  @Test
  void impossibleCountsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 0));
    assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2));
  }
}
