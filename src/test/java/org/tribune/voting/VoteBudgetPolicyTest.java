package org.tribune.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tribune.voting.control.VoteBudgetPolicy;

class VoteBudgetPolicyTest {

  @Test
  void aWeekRunsFromMondayMidnightUtc() {
    assertEquals(
        LocalDate.parse("2026-11-23"),
        VoteBudgetPolicy.weekOf(Instant.parse("2026-11-23T00:00:00Z")));
    assertEquals(
        LocalDate.parse("2026-11-23"),
        VoteBudgetPolicy.weekOf(Instant.parse("2026-11-29T23:59:59Z")));
    assertEquals(
        LocalDate.parse("2026-11-30"),
        VoteBudgetPolicy.weekOf(Instant.parse("2026-11-30T00:00:00Z")));
  }

  @Test
  void theBudgetResetsAtTheNextMonday() {
    assertEquals(
        Instant.parse("2026-11-30T00:00:00Z"),
        VoteBudgetPolicy.resetsAfter(Instant.parse("2026-11-25T13:00:00Z")));
  }

  @Test
  void theLastVoteOfTheBudgetIsAllowedAndTheNextIsNot() {
    VoteBudgetPolicy policy = new VoteBudgetPolicy(10);
    assertTrue(policy.allowsAnother(9));
    assertFalse(policy.allowsAnother(10));
    assertEquals(1, policy.remaining(9));
    assertEquals(0, policy.remaining(12));
  }

  @Test
  void aBudgetOfNothingIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new VoteBudgetPolicy(0));
  }
}
