package org.tribune.reports.control;

import static org.tribune.reports.control.WeeklyReport.row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Chart;
import org.tribune.reports.entity.ReportDocument.ChartKind;
import org.tribune.reports.entity.ReportDocument.Column;
import org.tribune.reports.entity.ReportDocument.Figure;
import org.tribune.reports.entity.ReportDocument.Table;
import org.tribune.reports.entity.ReportDocument.ValueType;

/**
 * The department scoreboard over a period: of the inquiries a department owed in the period, the
 * share answered by their deadline (the priority date when there is one, as the Q&amp;A's public
 * timeliness counts it), with its Wilson 95% interval. Below {@code minSample} counted inquiries
 * the share and interval are left out (null): a department should not look perfect or terrible by
 * chance — the counts are still shown.
 *
 * <p>Counted are the inquiries whose first full answer was approved in the period (on time or late)
 * and, as the UK Parliament keeps its written-question statistics, the inquiries still without a
 * full answer at the end of the period whose deadline had passed by then: those count as late, so a
 * department cannot improve its share by not answering. An unanswered inquiry not yet due at the
 * period's end is not counted.
 */
public final class Scoreboard {

  /**
   * One inquiry a department owes.
   *
   * @param deadline the priority date, else the due date; null when nothing is owed by a date
   * @param answeredOn the day its first full answer was approved, or null if it had none by the end
   *     of the period
   */
  public record Case(boolean priority, LocalDate deadline, LocalDate answeredOn) {

    boolean answered() {
      return answeredOn != null;
    }

    /** Unanswered at the end of the period {@code end} (inclusive), and past its deadline. */
    boolean overdueAt(LocalDate end) {
      return answeredOn == null && deadline != null && !deadline.isAfter(end);
    }

    /** Whether the case counts in a period ending on {@code end}. */
    boolean counts(LocalDate end) {
      return answered() || overdueAt(end);
    }

    boolean onTime() {
      return answered() && (deadline == null || !answeredOn.isAfter(deadline));
    }
  }

  public record Department(String name, List<Case> cases) {}

  /**
   * @param end the last day of the period (inclusive): unanswered cases overdue by its end are late
   */
  public record Input(String period, LocalDate end, int minSample, List<Department> departments) {}

  private Scoreboard() {}

  public static ReportDocument generate(Input in, Instant now) {
    long answeredAll = 0;
    long overdueAll = 0;
    long onTimeAll = 0;
    List<List<Object>> rows = new ArrayList<>();
    for (Department d :
        in.departments().stream().sorted(Comparator.comparing(Department::name)).toList()) {
      List<Case> counted = d.cases().stream().filter(c -> c.counts(in.end())).toList();
      long answered = counted.stream().filter(Case::answered).count();
      long overdue = counted.size() - answered;
      long onTime = counted.stream().filter(Case::onTime).count();
      long priority = counted.stream().filter(c -> c.priority() && c.answered()).count();
      long priorityOnTime = counted.stream().filter(c -> c.priority() && c.onTime()).count();
      answeredAll += answered;
      overdueAll += overdue;
      onTimeAll += onTime;
      List<Object> row = new ArrayList<>(List.of(d.name(), answered, onTime));
      row.addAll(shareWithInterval(onTime, counted.size(), in.minSample()));
      row.add(priority);
      row.add(priorityOnTime);
      row.add(overdue);
      row.add((long) counted.size());
      rows.add(row);
    }
    Table table =
        new Table(
            "departments",
            List.of(
                new Column("department", ValueType.TEXT),
                new Column("answered", ValueType.INTEGER),
                new Column("on_time", ValueType.INTEGER),
                new Column("on_time_share", ValueType.PERCENT),
                new Column("ci_low", ValueType.PERCENT),
                new Column("ci_high", ValueType.PERCENT),
                new Column("priority_answered", ValueType.INTEGER),
                new Column("priority_on_time", ValueType.INTEGER),
                new Column("overdue_unanswered", ValueType.INTEGER),
                new Column("counted", ValueType.INTEGER)),
            rows);
    List<Object> overall = shareWithInterval(onTimeAll, answeredAll + overdueAll, in.minSample());
    List<Figure> figures =
        List.of(
            new Figure("departments", ValueType.INTEGER, (long) rows.size()),
            new Figure("answered", ValueType.INTEGER, answeredAll),
            new Figure("on_time", ValueType.INTEGER, onTimeAll),
            new Figure("on_time_share", ValueType.PERCENT, overall.get(0)),
            new Figure("ci_low", ValueType.PERCENT, overall.get(1)),
            new Figure("ci_high", ValueType.PERCENT, overall.get(2)),
            new Figure("min_sample", ValueType.INTEGER, (long) in.minSample()),
            new Figure("overdue_unanswered", ValueType.INTEGER, overdueAll),
            new Figure("counted", ValueType.INTEGER, answeredAll + overdueAll));
    return new ReportDocument(
        "scoreboard",
        in.period(),
        1,
        "Department scoreboard " + in.period().replace("..", " – "),
        "",
        now,
        null,
        null,
        figures,
        List.of(table),
        List.of(
            new Chart(
                "on_time_share",
                ChartKind.BAR,
                "departments",
                "department",
                List.of("on_time_share"))));
  }

  /** Share, low, high — all null below the minimum sample. */
  static List<Object> shareWithInterval(long successes, long n, int minSample) {
    if (n == 0 || n < minSample) {
      return row(null, null, null);
    }
    WilsonInterval ci = WilsonInterval.of(successes, n);
    BigDecimal share = Decimals.share(successes, n);
    return row(share, Decimals.share(ci.low()), Decimals.share(ci.high()));
  }
}
