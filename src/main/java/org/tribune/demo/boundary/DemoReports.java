package org.tribune.demo.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribune.identity.entity.MemberId;
import org.tribune.reports.boundary.Reports;
import org.tribune.reports.entity.Report;
import org.tribune.reports.entity.ReportKind;
import org.tribune.reports.entity.ReportSubject;

/**
 * The demo's published reports, one of each kind, drafted from the seeded data and published by the
 * community manager Lin — each recorded in the response ledger like a real publication.
 */
@ApplicationScoped
public class DemoReports {

  private static final Logger LOG = Logger.getLogger(DemoReports.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Reports reports;

  public void seed(Map<String, Long> members) {
    MemberId lin = new MemberId(members.get("lin"));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    publish(
        lin,
        ReportKind.WEEKLY,
        ReportSubject.weekOf(today).text(),
        "This week: dark mode by sunset is planned, and the screen recorder shipped",
        "The most wanted idea this week was the overnight battery report. 本周最受关注的是夜间耗电报告。");
    Long session = first("SELECT MIN(id) FROM qa_session");
    if (session != null) {
      publish(
          lin,
          ReportKind.SESSION,
          session.toString(),
          null,
          "Every inquiry of the session with its answer, the delegates' verdict and the plans that"
              + " followed. 本次会议的全部质询、答复与改进计划。");
    }
    Long round = first("SELECT MAX(id) FROM selection_round WHERE blt_sha256 IS NOT NULL");
    if (round == null) {
      round = first("SELECT MAX(id) FROM selection_round");
    }
    if (round != null) {
      publish(
          lin,
          ReportKind.SELECTION,
          round.toString(),
          null,
          "Turnout, the count round by round and the delegates elected; recount it yourself from"
              + " the ballots file. 投票率、逐轮计票与当选代表。");
    }
    publish(
        lin,
        ReportKind.SCOREBOARD,
        today.minusDays(364) + ".." + today,
        "Department scoreboard: the last twelve months",
        "Shares are shown from five answers on, with 95% Wilson intervals. 五条答复以上才显示比例。");
  }

  private void publish(MemberId by, ReportKind kind, String subject, String title, String summary) {
    try {
      Report draft = reports.draft(kind, subject, by);
      reports.edit(draft.id(), title, summary, null);
      reports.publish(draft.id(), null, by);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Demo report " + kind.wire() + " " + subject + " not published", e);
    }
  }

  private Long first(String sql) {
    Object v = em.createNativeQuery(sql).getSingleResult();
    return v == null ? null : ((Number) v).longValue();
  }
}
