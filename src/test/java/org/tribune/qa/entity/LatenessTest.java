package org.tribune.qa.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Overdue is derived from the deadline in working days; an answered inquiry is never overdue. */
class LatenessTest {

  @ParameterizedTest(name = "due {0}, today {1}, awaiting {2} → {3}")
  @CsvSource({
    "2026-11-06, 2026-11-05, true, NOT_DUE",
    "2026-11-06, 2026-11-06, true, NOT_DUE",
    // Saturday and Sunday after a Friday deadline are not working days: not overdue yet.
    "2026-11-06, 2026-11-07, true, NOT_DUE",
    "2026-11-06, 2026-11-08, true, NOT_DUE",
    "2026-11-06, 2026-11-09, true, OVERDUE",
    "2026-11-06, 2026-11-19, true, OVERDUE",
    "2026-11-06, 2026-11-20, true, VERY_OVERDUE",
    "2026-11-06, 2027-03-01, true, VERY_OVERDUE",
    "2026-11-06, 2027-03-01, false, NOT_DUE"
  })
  void derivesFromTheDeadline(
      LocalDate deadline, LocalDate today, boolean awaiting, Lateness expected) {
    assertEquals(expected, Lateness.of(deadline, awaiting, today, WorkingCalendar.weekdays()));
  }

  @ParameterizedTest(name = "very overdue after {2} working days: today {1} → {3}")
  @CsvSource({
    "2026-11-06, 2026-11-10, 3, OVERDUE",
    "2026-11-06, 2026-11-11, 3, VERY_OVERDUE",
    "2026-11-06, 2026-11-09, 1, VERY_OVERDUE",
    "2026-11-06, 2026-11-20, 20, OVERDUE",
    "2026-11-06, 2026-12-04, 20, VERY_OVERDUE"
  })
  void theVeryOverdueThresholdIsConfigurable(
      LocalDate deadline, LocalDate today, int after, Lateness expected) {
    assertEquals(expected, Lateness.of(deadline, true, today, WorkingCalendar.weekdays(), after));
  }

  @org.junit.jupiter.api.Test
  void aThresholdBelowOneIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            Lateness.of(
                LocalDate.of(2026, 11, 6),
                true,
                LocalDate.of(2026, 12, 1),
                WorkingCalendar.weekdays(),
                0));
  }
}
