package org.tribune.qa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.qa.control.Timeliness.Case;
import org.tribune.qa.control.Timeliness.Figures;
import org.tribune.qa.entity.Lateness;
import org.tribune.qa.entity.WorkingCalendar;

class TimelinessTest {

  private static final WorkingCalendar WEEKDAYS = WorkingCalendar.weekdays();
  private static final LocalDate MON = LocalDate.of(2026, 11, 2);
  private static final LocalDate DUE = LocalDate.of(2026, 11, 16);

  private static Case answered(int workingDays, boolean priority, LocalDate deadline) {
    return new Case(
        priority, MON, deadline, WEEKDAYS.plusWorkingDays(MON, workingDays), Lateness.NOT_DUE);
  }

  @Test
  void countsOnTimeSharesSeparatelyForOrdinaryAndPriority() {
    List<Case> cases = new ArrayList<>();
    for (int days = 1; days <= 8; days++) {
      cases.add(answered(days, false, DUE));
    }
    cases.add(answered(12, false, DUE)); // late: 18 Nov
    cases.add(answered(11, false, DUE)); // late: 17 Nov
    cases.add(answered(2, true, LocalDate.of(2026, 11, 3))); // late for its priority date
    Figures figures = Timeliness.of(cases, WEEKDAYS, 5);
    assertEquals(10, figures.ordinary().answered());
    assertEquals(8, figures.ordinary().onTime());
    assertEquals(80, figures.ordinary().percent());
    assertEquals(1, figures.priority().answered());
    assertNull(figures.priority().percent(), "one priority answer is below the minimum sample");
    // days 1..8, 11, 12, 2 → sorted 1 2 2 3 4 5 6 7 8 11 12 → median 5
    assertEquals(5.0, figures.medianWorkingDays());
  }

  @Test
  void belowTheMinimumSampleNoPercentageOrMedianIsShown() {
    Figures figures =
        Timeliness.of(List.of(answered(1, false, DUE), answered(2, false, DUE)), WEEKDAYS, 5);
    assertEquals(2, figures.ordinary().onTime());
    assertNull(figures.ordinary().percent());
    assertNull(figures.medianWorkingDays());
  }

  @Test
  void countsWhatIsOverdueNow() {
    Figures figures =
        Timeliness.of(
            List.of(
                new Case(false, MON, DUE, null, Lateness.OVERDUE),
                new Case(false, MON, DUE, null, Lateness.VERY_OVERDUE),
                new Case(false, MON, DUE, null, Lateness.NOT_DUE)),
            WEEKDAYS,
            5);
    assertEquals(2, figures.overdueNow());
    assertEquals(1, figures.veryOverdueNow());
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(2.5, Timeliness.median(List.of(4, 1, 3, 2)));
  }
}
