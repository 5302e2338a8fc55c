package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.selection.control.NominationCap.Standing;

class NominationCapTest {

  @Test
  void belowTheCapTheRoundsFloorHolds() {
    List<Standing> two = List.of(new Standing(1, 50), new Standing(2, 80));
    assertEquals(10, NominationCap.effectiveFloor(10, 3, two));
    assertTrue(NominationCap.displaced(3, two).isEmpty());
  }

  @Test
  void noCapMeansTheFloorNeverRises() {
    List<Standing> many = List.of(new Standing(1, 50), new Standing(2, 80), new Standing(3, 5));
    assertEquals(10, NominationCap.effectiveFloor(10, 0, many));
    assertTrue(NominationCap.displaced(0, many).isEmpty());
  }

  @Test
  void atTheCapTheFloorRisesAboveTheWeakestStandingNominee() {
    List<Standing> full = List.of(new Standing(1, 50), new Standing(2, 80), new Standing(3, 40));
    assertEquals(41, NominationCap.effectiveFloor(10, 3, full));
    assertEquals(3, NominationCap.displaced(3, full).orElseThrow().nominationId());
  }

  @Test
  void theRaisedFloorNeverFallsBelowTheRoundsFloor() {
    List<Standing> full = List.of(new Standing(1, 5), new Standing(2, 3));
    assertEquals(10, NominationCap.effectiveFloor(10, 2, full));
  }

  @Test
  void onEqualScoresTheMostRecentNomineeMakesRoom() {
    List<Standing> full = List.of(new Standing(7, 40), new Standing(9, 40), new Standing(8, 60));
    assertEquals(9, NominationCap.displaced(3, full).orElseThrow().nominationId());
  }
}
