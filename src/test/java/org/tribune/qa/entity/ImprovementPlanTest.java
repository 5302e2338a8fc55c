package org.tribune.qa.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.qa.entity.Fixtures.DELEGATE;
import static org.tribune.qa.entity.Fixtures.LEAD;
import static org.tribune.qa.entity.Fixtures.MONDAY;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

class ImprovementPlanTest {

  private static ImprovementPlan plan() {
    return Fixtures.withId(
        new ImprovementPlan(
            "Standby drain fix",
            "Find and fix the wake-locks.",
            10,
            null,
            1,
            LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 12, 31),
            List.of(42L),
            MONDAY),
        900);
  }

  @Test
  void theStatusGivesADefaultProgressUntilOneIsReported() {
    ImprovementPlan plan = plan();
    assertEquals(0, plan.ownProgress());
    plan.report(PlanStatus.IN_PROGRESS, null);
    assertEquals(PlanStatus.IN_PROGRESS.defaultProgress(), plan.ownProgress());
    plan.report(null, 60);
    assertEquals(60, plan.ownProgress());
    plan.report(PlanStatus.DONE, null);
    assertEquals(100, plan.ownProgress());
  }

  @Test
  void progressIsZeroToHundred() {
    assertEquals(
        "progress",
        assertThrows(DomainException.class, () -> plan().report(null, 101))
            .errors()
            .get(0)
            .field());
  }

  @Test
  void aMissedDueDateIsFlaggedUntilDone() {
    ImprovementPlan plan = plan();
    assertFalse(plan.missedDueDate(LocalDate.of(2026, 12, 31)));
    assertTrue(plan.missedDueDate(LocalDate.of(2027, 1, 1)));
    plan.report(PlanStatus.DONE, null);
    assertFalse(plan.missedDueDate(LocalDate.of(2027, 1, 1)));
  }

  @Test
  void completionIsConfirmedOnceAndOnlyWhenDone() {
    ImprovementPlan plan = plan();
    assertEquals(
        "plan-not-done",
        assertThrows(DomainException.class, () -> plan.confirmCompletion(DELEGATE, MONDAY)).type());
    plan.report(PlanStatus.DONE, null);
    plan.confirmCompletion(DELEGATE, MONDAY);
    assertEquals(DELEGATE, plan.confirmedBy());
    assertThrows(DomainException.class, () -> plan.confirmCompletion(DELEGATE, MONDAY));
    assertThrows(DomainException.class, () -> plan.report(PlanStatus.IN_PROGRESS, null));
  }

  @Test
  void subPlansNestOneLevelInTheSameDepartment() {
    ImprovementPlan parent = plan();
    ImprovementPlan child =
        Fixtures.withId(
            new ImprovementPlan(
                "Part",
                "A part",
                10,
                parent,
                2,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                List.of(),
                MONDAY),
            901);
    assertEquals(900L, child.parentId());
    assertThrows(
        DomainException.class,
        () ->
            new ImprovementPlan(
                "Grandchild",
                "Too deep",
                10,
                child,
                1,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                List.of(),
                MONDAY));
    assertThrows(
        DomainException.class,
        () ->
            new ImprovementPlan(
                "Elsewhere",
                "Other department",
                11,
                parent,
                1,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                List.of(),
                MONDAY));
  }

  @Test
  void milestonesAreDatedEntries() {
    ImprovementPlan plan = plan();
    plan.milestone(LocalDate.of(2026, 11, 20), "Beta to 2,000 testers.", LEAD, MONDAY);
    assertEquals(1, plan.milestones().size());
    assertThrows(DomainException.class, () -> plan.milestone(null, "x", LEAD, MONDAY));
  }
}
