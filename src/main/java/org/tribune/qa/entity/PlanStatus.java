package org.tribune.qa.entity;

/**
 * An improvement plan's status. Like Decidim's accountability statuses, each implies a default
 * progress that holds until the department reports a figure of its own.
 */
public enum PlanStatus {
  PLANNED(0),
  IN_PROGRESS(25),
  DONE(100),
  CANCELLED(0);

  private final int defaultProgress;

  PlanStatus(int defaultProgress) {
    this.defaultProgress = defaultProgress;
  }

  public int defaultProgress() {
    return defaultProgress;
  }
}
