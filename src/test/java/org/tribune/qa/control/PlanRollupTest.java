package org.tribune.qa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.qa.control.PlanRollup.Node;

class PlanRollupTest {

  @Test
  void aPlanWithoutSubPlansHasItsOwnProgress() {
    assertEquals(Map.of(1L, 40), PlanRollup.progress(List.of(new Node(1, null, 1, 40))));
  }

  @Test
  void aParentIsTheWeightedMeanOfItsSubPlansWhateverItReports() {
    Map<Long, Integer> progress =
        PlanRollup.progress(
            List.of(new Node(1, null, 1, 90), new Node(2, 1L, 3, 100), new Node(3, 1L, 1, 0)));
    // (3·100 + 1·0) / 4 = 75
    assertEquals(75, progress.get(1L));
    assertEquals(100, progress.get(2L));
    assertEquals(0, progress.get(3L));
  }

  @Test
  void roundsHalfUp() {
    Map<Long, Integer> progress =
        PlanRollup.progress(
            List.of(new Node(1, null, 1, 0), new Node(2, 1L, 1, 0), new Node(3, 1L, 1, 25)));
    // 12.5 → 13
    assertEquals(13, progress.get(1L));
  }

  @Test
  void cancelledSubPlansWithWeightZeroAreLeftOut() {
    Map<Long, Integer> progress =
        PlanRollup.progress(
            List.of(new Node(1, null, 1, 0), new Node(2, 1L, 2, 50), new Node(3, 1L, 0, 0)));
    assertEquals(50, progress.get(1L));
  }
}
