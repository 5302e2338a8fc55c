package org.tribune.reports.control;

import static org.tribune.reports.control.WeeklyReport.row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Chart;
import org.tribune.reports.entity.ReportDocument.ChartKind;
import org.tribune.reports.entity.ReportDocument.Column;
import org.tribune.reports.entity.ReportDocument.Figure;
import org.tribune.reports.entity.ReportDocument.Table;
import org.tribune.reports.entity.ReportDocument.ValueType;

/**
 * A Q&amp;A session's report: every public inquiry with its department, its answer, the
 * department's outcome, the delegate's classification (satisfied, partly, not satisfied), how often
 * a revision was asked for and the answer corrected, and the improvement plans that came of it.
 */
public final class SessionReport {

  /** The delegate classifications, in display order; "unclassified" when none was given. */
  public static final List<String> SATISFACTION =
      List.of("satisfied", "partly", "not_satisfied", "unclassified");

  /**
   * @param answer the current published answer's text (the correction if corrected), or null
   * @param outcome the department's outcome class (accepted, partly, declined, not_our_remit)
   * @param satisfaction the delegate's classification, or null
   */
  public record InquiryRow(
      String reference,
      String heading,
      String kind,
      String department,
      String state,
      String answer,
      String outcome,
      String satisfaction,
      long revisions,
      long corrections) {}

  public record PlanRow(
      long id,
      String title,
      String department,
      String status,
      long progress,
      LocalDate dueOn,
      List<String> inquiries) {}

  public record Input(
      long sessionId,
      String title,
      LocalDate heldOn,
      List<InquiryRow> inquiries,
      List<PlanRow> plans) {}

  private SessionReport() {}

  public static ReportDocument generate(Input in, Instant now) {
    Map<String, Long> satisfaction = new LinkedHashMap<>();
    SATISFACTION.forEach(s -> satisfaction.put(s, 0L));
    long answered = 0;
    long revisions = 0;
    long corrections = 0;
    List<List<Object>> rows = new ArrayList<>();
    for (InquiryRow i :
        in.inquiries().stream()
            .sorted(
                Comparator.comparing(
                    InquiryRow::reference, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList()) {
      if (i.answer() != null) {
        answered++;
      }
      revisions += i.revisions();
      corrections += i.corrections();
      String s = i.satisfaction() == null ? "unclassified" : i.satisfaction();
      satisfaction.merge(s, 1L, Long::sum);
      rows.add(
          row(
              i.reference(),
              i.heading(),
              i.kind(),
              i.department(),
              i.state(),
              i.outcome(),
              i.satisfaction(),
              i.revisions(),
              i.corrections(),
              i.answer(),
              i.reference() == null ? null : "#/qa/inquiries/" + i.reference()));
    }
    Table inquiries =
        new Table(
            "inquiries",
            List.of(
                new Column("reference", ValueType.TEXT),
                new Column("heading", ValueType.TEXT),
                new Column("kind", ValueType.TEXT),
                new Column("department", ValueType.TEXT),
                new Column("state", ValueType.TEXT),
                new Column("outcome", ValueType.TEXT),
                new Column("satisfaction", ValueType.TEXT),
                new Column("revisions", ValueType.INTEGER),
                new Column("corrections", ValueType.INTEGER),
                new Column("answer", ValueType.TEXT),
                new Column("link", ValueType.LINK)),
            rows);
    long classified = in.inquiries().size() - satisfaction.get("unclassified");
    Table satisfactionTable =
        new Table(
            "satisfaction",
            List.of(
                new Column("satisfaction", ValueType.TEXT),
                new Column("inquiries", ValueType.INTEGER),
                new Column("share", ValueType.PERCENT)),
            satisfaction.entrySet().stream()
                .map(
                    e ->
                        row(
                            e.getKey(),
                            e.getValue(),
                            e.getKey().equals("unclassified")
                                ? null
                                : Decimals.share(e.getValue(), classified)))
                .toList());
    long progressSum = 0;
    long done = 0;
    List<List<Object>> planRows = new ArrayList<>();
    for (PlanRow p : in.plans().stream().sorted(Comparator.comparingLong(PlanRow::id)).toList()) {
      progressSum += p.progress();
      if ("done".equals(p.status())) {
        done++;
      }
      planRows.add(
          row(
              p.id(),
              p.title(),
              p.department(),
              p.status(),
              p.progress(),
              p.dueOn() == null ? null : p.dueOn().toString(),
              String.join(" ", p.inquiries())));
    }
    Table plans =
        new Table(
            "plans",
            List.of(
                new Column("plan", ValueType.INTEGER),
                new Column("title", ValueType.TEXT),
                new Column("department", ValueType.TEXT),
                new Column("status", ValueType.TEXT),
                new Column("progress", ValueType.INTEGER),
                new Column("due", ValueType.DATE),
                new Column("inquiries", ValueType.TEXT)),
            planRows);
    BigDecimal meanProgress = Decimals.mean(progressSum, in.plans().size());
    List<Figure> figures =
        List.of(
            new Figure("inquiries", ValueType.INTEGER, (long) in.inquiries().size()),
            new Figure("answered", ValueType.INTEGER, answered),
            new Figure("satisfied", ValueType.INTEGER, satisfaction.get("satisfied")),
            new Figure("partly_satisfied", ValueType.INTEGER, satisfaction.get("partly")),
            new Figure("not_satisfied", ValueType.INTEGER, satisfaction.get("not_satisfied")),
            new Figure(
                "satisfied_share",
                ValueType.PERCENT,
                Decimals.share(satisfaction.get("satisfied"), classified)),
            new Figure("revisions", ValueType.INTEGER, revisions),
            new Figure("corrections", ValueType.INTEGER, corrections),
            new Figure("plans", ValueType.INTEGER, (long) in.plans().size()),
            new Figure("plans_done", ValueType.INTEGER, done),
            new Figure("plan_progress_mean", ValueType.DECIMAL, meanProgress));
    return new ReportDocument(
        "session",
        Long.toString(in.sessionId()),
        1,
        in.title() + (in.heldOn() == null ? "" : " (" + in.heldOn() + ")"),
        "",
        now,
        null,
        null,
        figures,
        List.of(inquiries, satisfactionTable, plans),
        List.of(
            new Chart(
                "satisfaction",
                ChartKind.BAR,
                "satisfaction",
                "satisfaction",
                List.of("inquiries"))));
  }
}
