package org.tribune.qa.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

  private final WorkingCalendar plain = WorkingCalendar.weekdays();

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
    "2026-11-02, 0, 2026-11-02",
    "2026-11-02, 1, 2026-11-03",
    "2026-11-02, 4, 2026-11-06",
    "2026-11-02, 5, 2026-11-09",
    "2026-11-06, 1, 2026-11-09",
    "2026-11-07, 1, 2026-11-09",
    "2026-11-02, 10, 2026-11-16",
    "2026-12-31, 1, 2027-01-01"
  })
  void addsWorkingDaysSkippingWeekends(LocalDate start, int days, LocalDate expected) {
    assertEquals(expected, plain.plusWorkingDays(start, days));
  }

  @Test
  void holidaysAreSkipped() {
    WorkingCalendar national =
        new WorkingCalendar(
            Set.of(
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5)));
    // Wednesday 30 Sep + 1 → Thursday 1 Oct is a holiday, Friday too, Monday too → Tuesday 6 Oct.
    assertEquals(LocalDate.of(2026, 10, 6), national.plusWorkingDays(LocalDate.of(2026, 9, 30), 1));
    assertFalse(national.isWorkingDay(LocalDate.of(2026, 10, 1)));
    assertTrue(national.isWorkingDay(LocalDate.of(2026, 10, 6)));
  }

  @Test
  void countingIsTheInverseOfAdding() {
    WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.of(2026, 11, 11)));
    LocalDate start = LocalDate.of(2026, 11, 5);
    for (int n = 0; n < 30; n++) {
      assertEquals(n, calendar.workingDaysBetween(start, calendar.plusWorkingDays(start, n)));
    }
    assertEquals(-2, calendar.workingDaysBetween(LocalDate.of(2026, 11, 9), start));
  }
}
