package org.tribune.qa.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A department's working days: every day but Saturday, Sunday and the department's holidays. Due
 * dates count working days, like the UK Parliament's written questions and freedom-of-information
 * deadlines, so a holiday week does not eat a department's time to answer.
 */
public final class WorkingCalendar {

  private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  private final TreeSet<LocalDate> holidays;

  public WorkingCalendar(Set<LocalDate> holidays) {
    this.holidays = new TreeSet<>(holidays);
  }

  public static WorkingCalendar weekdays() {
    return new WorkingCalendar(Set.of());
  }

  public boolean isWorkingDay(LocalDate day) {
    return !WEEKEND.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  /**
   * The day that is {@code days} working days after {@code start}; the start day itself does not
   * count, as the clock starts on the day an inquiry arrives. Zero gives the start day.
   */
  public LocalDate plusWorkingDays(LocalDate start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative");
    }
    LocalDate day = start;
    int left = days;
    while (left > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /**
   * Working days after {@code from} up to and including {@code to}; negative when {@code to} is
   * before {@code from}. {@code between(d, plusWorkingDays(d, n)) == n}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  public Set<LocalDate> holidays() {
    return Set.copyOf(holidays);
  }
}
