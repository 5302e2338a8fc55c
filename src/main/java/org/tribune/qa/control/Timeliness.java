package org.tribune.qa.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tribune.qa.entity.Lateness;
import org.tribune.qa.entity.WorkingCalendar;

/**
 * A department's public timeliness: the share answered on time (ordinary inquiries against the due
 * date, priority ones against their priority date), the median working days from the clock start to
 * the first approved answer, and what is overdue now. Percentages and the median are shown only
 * from {@code minSample} answered inquiries on: two answers make no statistic, and a department
 * should not look perfect or terrible by chance.
 */
public final class Timeliness {

  /**
   * One assigned inquiry, as the department handled it.
   *
   * @param answeredOn the day its first full answer was approved, or null
   * @param lateness derived now (for those still awaiting an answer)
   */
  public record Case(
      boolean priority,
      LocalDate clockStartedOn,
      LocalDate deadline,
      LocalDate answeredOn,
      Lateness lateness) {}

  /** Answered on time out of answered, with the percentage when the sample is large enough. */
  public record Share(int answered, int onTime, Integer percent) {}

  public record Figures(
      Share ordinary,
      Share priority,
      Double medianWorkingDays,
      int overdueNow,
      int veryOverdueNow) {}

  private Timeliness() {}

  public static Figures of(List<Case> cases, WorkingCalendar calendar, int minSample) {
    int[] ordinary = new int[2];
    int[] priority = new int[2];
    List<Integer> days = new ArrayList<>();
    int overdue = 0;
    int veryOverdue = 0;
    for (Case c : cases) {
      if (c.answeredOn() != null) {
        int[] share = c.priority() ? priority : ordinary;
        share[0]++;
        if (c.deadline() == null || !c.answeredOn().isAfter(c.deadline())) {
          share[1]++;
        }
        if (c.clockStartedOn() != null) {
          days.add(Math.max(0, calendar.workingDaysBetween(c.clockStartedOn(), c.answeredOn())));
        }
      } else if (c.lateness() == Lateness.OVERDUE) {
        overdue++;
      } else if (c.lateness() == Lateness.VERY_OVERDUE) {
        overdue++;
        veryOverdue++;
      }
    }
    return new Figures(
        share(ordinary, minSample),
        share(priority, minSample),
        days.size() >= minSample ? median(days) : null,
        overdue,
        veryOverdue);
  }

  static double median(List<Integer> values) {
    List<Integer> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static Share share(int[] counts, int minSample) {
    Integer percent =
        counts[0] >= minSample && counts[0] > 0
            ? (int) Math.round(100.0 * counts[1] / counts[0])
            : null;
    return new Share(counts[0], counts[1], percent);
  }
}
