package org.tribune.qa.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An improvement plan: {@code progress} is the weighted roll-up of its sub-plans (or its own), and
 * {@code missedDueDate} is derived at read time and shown publicly.
 */
public record PlanView(
    long id,
    String title,
    String description,
    Ref department,
    Long parent,
    int weight,
    LocalDate startDate,
    LocalDate dueDate,
    String status,
    Integer reportedProgress,
    int progress,
    boolean missedDueDate,
    Ref confirmedBy,
    Instant confirmedAt,
    List<Long> inquiries,
    List<Milestone> milestones,
    List<PlanView> subPlans) {

  public record Milestone(long id, LocalDate date, String note, Ref author) {}
}
