package org.tribune.qa.entity;

import java.time.LocalDate;
import java.util.Locale;

/**
 * How late an answer is, derived from the dates whenever it is asked and never stored: an inquiry
 * awaiting an answer is overdue the first working day after its deadline, and very overdue once
 * {@value #VERY_OVERDUE_AFTER} working days past it. The deadline is the priority date when one was
 * set, else the due date.
 */
public enum Lateness {
  NOT_DUE,
  OVERDUE,
  VERY_OVERDUE;

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
    if (!awaiting || deadline == null || !today.isAfter(deadline)) {
      return NOT_DUE;
    }
    int late = calendar.workingDaysBetween(deadline, today);
    if (late >= VERY_OVERDUE_AFTER) {
      return VERY_OVERDUE;
    }
    return late >= 1 ? OVERDUE : NOT_DUE;
  }
}
