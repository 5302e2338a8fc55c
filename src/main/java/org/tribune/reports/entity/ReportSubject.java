package org.tribune.reports.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribune.platform.entity.DomainException;

/**
 * What a report is about, in the one spelling that names it in URLs and file names: an ISO week for
 * a weekly report ({@code 2026-W47}), a session id, a round id, or a period of days for the
 * scoreboard ({@code 2026-10-01..2026-12-31}, both days included, at most two years).
 */
public record ReportSubject(ReportKind kind, String text, LocalDate from, LocalDate to, Long id) {

  public static final int MAX_PERIOD_DAYS = 731;

  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");
  private static final Pattern PERIOD =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

  public static ReportSubject parse(ReportKind kind, String text) {
    if (text == null || text.isBlank()) {
      throw DomainException.invalid("subject", "is required");
    }
    return switch (kind) {
      case WEEKLY -> week(text);
      case SESSION, SELECTION -> id(kind, text);
      case SCOREBOARD -> period(text);
    };
  }

  /** The ISO week that contains {@code day}. */
  public static ReportSubject weekOf(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String text =
        String.format(
            "%04d-W%02d",
            monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    return new ReportSubject(ReportKind.WEEKLY, text, monday, monday.plusDays(6), null);
  }

  private static ReportSubject week(String text) {
    Matcher m = WEEK.matcher(text);
    if (!m.matches()) {
      throw DomainException.invalid(
          "subject", "a weekly report's subject is an ISO week like 2026-W47");
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    LocalDate jan4 = LocalDate.of(year, 1, 4);
    if (week < 1 || week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
      throw DomainException.invalid("subject", "week " + week + " does not exist in " + year);
    }
    LocalDate monday = jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    return new ReportSubject(ReportKind.WEEKLY, text, monday, monday.plusDays(6), null);
  }

  private static ReportSubject id(ReportKind kind, String text) {
    if (!ID.matcher(text).matches()) {
      throw DomainException.invalid(
          "subject", "a " + kind.wire() + " report's subject is the " + kind.wire() + "'s id");
    }
    return new ReportSubject(kind, text, null, null, Long.parseLong(text));
  }

  private static ReportSubject period(String text) {
    Matcher m = PERIOD.matcher(text);
    if (!m.matches()) {
      throw DomainException.invalid(
          "subject", "a scoreboard's subject is a period like 2026-10-01..2026-12-31");
    }
    LocalDate from;
    LocalDate to;
    try {
      from = LocalDate.parse(m.group(1));
      to = LocalDate.parse(m.group(2));
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("subject", "not a date: " + e.getParsedString());
    }
    if (to.isBefore(from)) {
      throw DomainException.invalid("subject", "the period ends before it starts");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
      throw DomainException.invalid("subject", "a period is at most " + MAX_PERIOD_DAYS + " days");
    }
    return new ReportSubject(ReportKind.SCOREBOARD, text, from, to, null);
  }
}
