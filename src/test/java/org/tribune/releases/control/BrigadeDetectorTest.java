package org.tribune.releases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BrigadeDetectorTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 2);
  private final BrigadeDetector detector = new BrigadeDetector(4, 7, 10);

  private static TreeMap<LocalDate, Long> days(long... counts) {
    TreeMap<LocalDate, Long> map = new TreeMap<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        map.put(D.plusDays(i), counts[i]);
      }
    }
    return map;
  }

  @Test
  void aBurstFarAboveTheTrailingMeanIsFlagged() {
    // trailing 5,6,4,5: mean 5, σ = √(2/4) = 0.7071068, threshold 5 + 4·0.7071068 = 7.828427
    List<BrigadeDetector.Day> flagged = detector.flagged(days(5, 6, 4, 5, 60));
    assertEquals(1, flagged.size());
    assertEquals(D.plusDays(4), flagged.get(0).day());
    assertEquals(5.0, flagged.get(0).trailingMean(), 1e-9);
    assertEquals(7.828427, flagged.get(0).threshold(), 1e-6);
  }

  @Test
  void ordinaryVariationIsNot() {
    assertTrue(detector.flagged(days(5, 6, 4, 5, 7)).isEmpty());
  }

  @Test
  void smallCountsAreNeverFlagged() {
    // 9 is far above a trailing mean of 0 but below the minimum of 10.
    assertTrue(detector.flagged(days(1, 0, 0, 0, 9)).isEmpty());
  }

  @Test
  void daysWithoutRatingsCountAsZero() {
    // trailing 2,0,0: mean 0.666667, σ = √((1.777778+0.444444+0.444444)/3) = 0.942809,
    // threshold 0.666667 + 3.771236 = 4.437903
    List<BrigadeDetector.Day> flagged = detector.flagged(days(2, 0, 0, 12));
    assertEquals(1, flagged.size());
    assertEquals(4.437903, flagged.get(0).threshold(), 1e-6);
  }

  @Test
  void onlyTheTrailingWindowCounts() {
    BrigadeDetector shortWindow = new BrigadeDetector(4, 2, 10);
    // day 2: trailing 1,1 → threshold 1, 30 flagged; day 3: trailing 1,30 → mean 15.5, σ 14.5,
    // threshold 73.5; day 4: trailing 30,30 → σ 0, threshold 30, and 31 ≥ 10 is flagged.
    List<BrigadeDetector.Day> flagged = shortWindow.flagged(days(1, 1, 30, 30, 31));
    assertEquals(
        List.of(D.plusDays(2), D.plusDays(4)),
        flagged.stream().map(BrigadeDetector.Day::day).toList());
  }
}
