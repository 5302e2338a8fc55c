package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.selection.control.CandidateEligibility.Facts;
import org.tribune.selection.control.CandidateEligibility.Refusal;

class CandidateEligibilityTest {

  @Test
  void aMemberAboveEveryFloorMayStand() {
    assertTrue(CandidateEligibility.toStand(new Facts(90, 25, false), 30, 10).isEmpty());
    assertTrue(CandidateEligibility.toStand(new Facts(30, 10, false), 30, 10).isEmpty());
  }

  @Test
  void everyReasonIsGivenAtOnce() {
    List<Refusal> refusals = CandidateEligibility.toStand(new Facts(3, 2, true), 30, 10);
    assertEquals(
        List.of("account-too-new", "activity-too-low", "sanctioned"),
        refusals.stream().map(Refusal::code).toList());
    assertTrue(refusals.get(0).message().contains("3 days"));
    assertTrue(refusals.get(1).message().contains("need 10"));
  }

  @Test
  void votersNeedOnlyAccountAgeAndNoSanction() {
    assertTrue(CandidateEligibility.toVote(new Facts(0, 0, false), 0).isEmpty());
    assertEquals(
        List.of("account-too-new"),
        CandidateEligibility.toVote(new Facts(6, 100, false), 7).stream()
            .map(Refusal::code)
            .toList());
    assertEquals(
        List.of("sanctioned"),
        CandidateEligibility.toVote(new Facts(600, 100, true), 7).stream()
            .map(Refusal::code)
            .toList());
  }
}
