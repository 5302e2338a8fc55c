package org.tribune.qa.entity;

import java.time.LocalDate;
import java.util.Locale;

/**
 * How late an answer is, derived from the dates whenever it is asked and never stored: an inquiry
 * awaiting an answer is overdue the first working day after its deadline, and very overdue once a
 * configured number of working days past it ({@value #VERY_OVERDUE_AFTER} unless configured: {@code
 * tribune.qa.very-overdue-working-days}). The deadline is the priority date when one was set, else
 * the due date.
 */
public enum Lateness {
  NOT_DUE,
  OVERDUE,
  VERY_OVERDUE;

  /** The default number of working days past the deadline from which an answer is very overdue. */
  public static final int VERY_OVERDUE_AFTER = 10;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param deadline the priority date or the due date; null when nothing is owed
   * @param awaiting whether the inquiry still waits for an answer
   */
  public static Lateness of(
      LocalDate deadline, boolean awaiting, LocalDate today, WorkingCalendar calendar) {
    return of(deadline, awaiting, today, calendar, VERY_OVERDUE_AFTER);
  }

  /**
   * @param veryOverdueAfter working days past the deadline from which it is very overdue (≥ 1)
   */
  public static Lateness of(
      LocalDate deadline,
      boolean awaiting,
      LocalDate today,
      WorkingCalendar calendar,
      int veryOverdueAfter) {
    if (veryOverdueAfter < 1) {
      throw new IllegalArgumentException("veryOverdueAfter must be at least 1");
    }
    if (!awaiting || deadline == null || !today.isAfter(deadline)) {
      return NOT_DUE;
    }
    int late = calendar.workingDaysBetween(deadline, today);
    if (late >= veryOverdueAfter) {
      return VERY_OVERDUE;
    }
    return late >= 1 ? OVERDUE : NOT_DUE;
  }
}
