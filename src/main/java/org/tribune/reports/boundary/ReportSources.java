package org.tribune.reports.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.platform.entity.DomainException;
import org.tribune.reports.control.Scoreboard;
import org.tribune.reports.control.SelectionReport;
import org.tribune.reports.control.SessionReport;
import org.tribune.reports.control.WeeklyReport;
import org.tribune.reports.entity.ReportSubject;
import org.tribune.selection.boundary.ResultViews;
import org.tribune.selection.boundary.RoundDraws;
import org.tribune.selection.boundary.RoundPublication;
import org.tribune.selection.control.Quota;
import org.tribune.selection.control.Respondent;
import org.tribune.selection.control.SortitionCsv;

/**
 * Reads the facts a report is generated from. Reports are a read-only consumer: these are SELECTs
 * over the other components' public records (portable SQL, Derby and PostgreSQL), plus the
 * selection facade for a counted round's published results, which it rebuilds and checks against
 * the recorded SHA-256, and its recorded sortition draw, checked the same way. Nothing here writes,
 * and only public facts are read (titles, headings, answers, display names of nominees and
 * delegates — never emails or ballots' voters).
 */
@ApplicationScoped
public class ReportSources {

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject RoundPublication publication;
  @Inject RoundDraws draws;

  @Inject
  @ConfigProperty(name = "tribune.reports.min-sample", defaultValue = "5")
  int minSample;

  // ---- weekly ----

  WeeklyReport.Input weekly(ReportSubject week) {
    Timestamp from = start(week.from());
    Timestamp to = start(week.to().plusDays(1));
    long submitted =
        count("SELECT COUNT(*) FROM idea WHERE created_at >= ?1 AND created_at < ?2", from, to);
    long votes =
        count("SELECT COUNT(*) FROM idea_vote WHERE cast_at >= ?1 AND cast_at < ?2", from, to);
    List<WeeklyReport.TopIdea> ideas = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT i.id, i.title, COUNT(*), t.votes, i.status FROM idea_vote v"
                + " JOIN idea i ON i.id = v.idea_id JOIN idea_tally t ON t.idea_id = i.id"
                + " WHERE v.cast_at >= ?1 AND v.cast_at < ?2 AND i.hidden = FALSE"
                + " GROUP BY i.id, i.title, t.votes, i.status",
            from,
            to)) {
      ideas.add(
          new WeeklyReport.TopIdea(num(r[0]), (String) r[1], num(r[2]), num(r[3]), (String) r[4]));
    }
    List<WeeklyReport.PlannedIdea> planned = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT DISTINCT i.id, i.title, i.target_build FROM idea_status_change c"
                + " JOIN idea i ON i.id = c.idea_id"
                + " WHERE c.to_status = 'planned' AND c.changed_at >= ?1 AND c.changed_at < ?2"
                + " AND i.hidden = FALSE",
            from,
            to)) {
      planned.add(new WeeklyReport.PlannedIdea(num(r[0]), (String) r[1], (String) r[2]));
    }
    List<WeeklyReport.ShippedIdea> shipped = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT DISTINCT i.id, i.title, d.name, b.build_version FROM idea_status_change c"
                + " JOIN idea i ON i.id = c.idea_id"
                + " LEFT JOIN build_change bc ON bc.idea_id = i.id"
                + " LEFT JOIN build b ON b.id = bc.build_id"
                + " LEFT JOIN device_model d ON d.id = b.device_id"
                + " WHERE c.to_status = 'shipped' AND c.changed_at >= ?1 AND c.changed_at < ?2"
                + " AND i.hidden = FALSE",
            from,
            to)) {
      shipped.add(
          new WeeklyReport.ShippedIdea(num(r[0]), (String) r[1], (String) r[2], (String) r[3]));
    }
    List<WeeklyReport.SolveResult> solve = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT i.id, i.title,"
                + " SUM(CASE WHEN p.solved = TRUE THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN p.solved = FALSE THEN 1 ELSE 0 END)"
                + " FROM ship_prompt p JOIN idea i ON i.id = p.idea_id"
                + " WHERE p.answered_at >= ?1 AND p.answered_at < ?2 AND p.solved IS NOT NULL"
                + " GROUP BY i.id, i.title",
            from,
            to)) {
      solve.add(new WeeklyReport.SolveResult(num(r[0]), (String) r[1], num(r[2]), num(r[3])));
    }
    List<WeeklyReport.BuildWeek> builds = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT b.id, b.device_id, d.name, b.build_version, b.created_at, b.verdict,"
                + " b.override_decision FROM build b JOIN device_model d ON d.id = b.device_id"
                + " WHERE b.created_at >= ?1 AND b.created_at < ?2",
            from,
            to)) {
      long id = num(r[0]);
      Object[] previous =
          first(
              rows(
                  "SELECT b.id, b.build_version FROM build b WHERE b.device_id = ?1"
                      + " AND b.created_at < ?2 ORDER BY b.created_at DESC, b.id DESC",
                  r[1],
                  r[4]));
      long[] verdicts = new long[2];
      Object[] tally = first(rows("SELECT good, bad FROM verdict_tally WHERE build_id = ?1", id));
      if (tally != null) {
        verdicts[0] = num(tally[0]);
        verdicts[1] = num(tally[1]);
      }
      builds.add(
          new WeeklyReport.BuildWeek(
              (String) r[2],
              (String) r[3],
              stars(id),
              previous == null ? null : (String) previous[1],
              previous == null ? null : stars(num(previous[0])),
              verdicts[0],
              verdicts[1],
              ((String) r[5]).toLowerCase(Locale.ROOT),
              count("SELECT COUNT(*) FROM rollout_event WHERE build_id = ?1 AND kind = 'halt'", id),
              (String) r[6]));
    }
    return new WeeklyReport.Input(
        week.text(), submitted, votes, ideas, planned, shipped, solve, builds);
  }

  private long[] stars(long buildId) {
    Object[] s =
        first(rows("SELECT n1, n2, n3, n4, n5 FROM build_score WHERE build_id = ?1", buildId));
    long[] stars = new long[5];
    if (s != null) {
      for (int i = 0; i < 5; i++) {
        stars[i] = num(s[i]);
      }
    }
    return stars;
  }

  // ---- session ----

  SessionReport.Input session(ReportSubject subject) {
    Object[] session =
        first(rows("SELECT id, title, held_on FROM qa_session WHERE id = ?1", subject.id()));
    if (session == null) {
      throw DomainException.notFound("Session", subject.id());
    }
    List<Object[]> inquiries =
        rows(
            "SELECT i.id, i.reference, i.heading, i.kind, d.name, i.state, i.satisfaction"
                + " FROM qa_inquiry i LEFT JOIN qa_department d ON d.id = i.department_id"
                + " WHERE i.session_id = ?1 AND i.state <> 'DRAFT' ORDER BY i.id",
            subject.id());
    Map<Long, Object[]> answers = new HashMap<>();
    Map<Long, String> outcomes = new HashMap<>();
    Map<Long, Long> corrections = new HashMap<>();
    for (Object[] a :
        rows(
            "SELECT a.inquiry_id, a.kind, a.body, a.outcome, a.published_at FROM qa_answer a"
                + " JOIN qa_inquiry i ON i.id = a.inquiry_id"
                + " WHERE i.session_id = ?1 AND a.status = 'PUBLISHED' AND a.kind <> 'HOLDING'"
                + " ORDER BY a.published_at, a.id",
            subject.id())) {
      long inquiry = num(a[0]);
      answers.put(inquiry, a);
      if (a[3] != null) {
        outcomes.put(inquiry, ((String) a[3]).toLowerCase(Locale.ROOT));
      }
      if ("CORRECTION".equals(a[1])) {
        corrections.merge(inquiry, 1L, Long::sum);
      }
    }
    Map<Long, Long> revisions = new HashMap<>();
    for (Object[] e :
        rows(
            "SELECT e.inquiry_id, COUNT(*) FROM qa_inquiry_event e"
                + " JOIN qa_inquiry i ON i.id = e.inquiry_id"
                + " WHERE i.session_id = ?1 AND e.type = 'revision_requested'"
                + " GROUP BY e.inquiry_id",
            subject.id())) {
      revisions.put(num(e[0]), num(e[1]));
    }
    List<SessionReport.InquiryRow> rows = new ArrayList<>();
    for (Object[] i : inquiries) {
      long id = num(i[0]);
      Object[] answer = answers.get(id);
      rows.add(
          new SessionReport.InquiryRow(
              (String) i[1],
              (String) i[2],
              lower(i[3]),
              (String) i[4],
              lower(i[5]),
              answer == null ? null : (String) answer[2],
              outcomes.get(id),
              lower(i[6]),
              revisions.getOrDefault(id, 0L),
              corrections.getOrDefault(id, 0L)));
    }
    Map<Long, Object[]> plans = new LinkedHashMap<>();
    Map<Long, List<String>> planInquiries = new HashMap<>();
    for (Object[] p :
        rows(
            "SELECT p.id, p.title, d.name, p.status, p.progress, p.due_on, i.reference"
                + " FROM qa_plan p JOIN qa_department d ON d.id = p.department_id"
                + " JOIN qa_plan_inquiry pi ON pi.plan_id = p.id"
                + " JOIN qa_inquiry i ON i.id = pi.inquiry_id"
                + " WHERE i.session_id = ?1 ORDER BY p.id, i.reference",
            subject.id())) {
      long id = num(p[0]);
      plans.putIfAbsent(id, p);
      if (p[6] != null) {
        planInquiries.computeIfAbsent(id, k -> new ArrayList<>()).add((String) p[6]);
      }
    }
    List<SessionReport.PlanRow> planRows = new ArrayList<>();
    for (Object[] p : plans.values()) {
      String status = lower(p[3]);
      long progress = p[4] != null ? num(p[4]) : defaultProgress(status);
      planRows.add(
          new SessionReport.PlanRow(
              num(p[0]),
              (String) p[1],
              (String) p[2],
              status,
              progress,
              date(p[5]),
              planInquiries.getOrDefault(num(p[0]), List.of())));
    }
    return new SessionReport.Input(
        subject.id(), (String) session[1], date(session[2]), rows, planRows);
  }

  /** As {@code qa.entity.PlanStatus} defaults a plan's progress when none was reported. */
  private static long defaultProgress(String status) {
    return switch (status) {
      case "done" -> 100;
      case "in_progress" -> 25;
      default -> 0;
    };
  }

  // ---- selection ----

  SelectionReport.Input selection(ReportSubject subject) {
    Object[] round =
        first(
            rows(
                "SELECT id, title, method, seats, endorsements_cast, ballots_cast, voting_closes_at,"
                    + " voter_min_account_days, blt_sha256, counted_at FROM selection_round"
                    + " WHERE id = ?1",
                subject.id()));
    if (round == null) {
      throw DomainException.notFound("Round", subject.id());
    }
    long roundId = subject.id();
    Instant closes = ((Timestamp) round[6]).toInstant();
    Instant joinedBy = closes.minus(num(round[7]), ChronoUnit.DAYS);
    long eligible =
        count("SELECT COUNT(*) FROM member WHERE created_at <= ?1", Timestamp.from(joinedBy));
    List<SelectionReport.Nominee> nominees = new ArrayList<>();
    for (Object[] n :
        rows(
            "SELECT n.id, m.display_name, n.member_type, n.status, n.endorsements,"
                + " n.ballot_position FROM selection_nomination n"
                + " JOIN member m ON m.id = n.nominee_id WHERE n.round_id = ?1 ORDER BY n.id",
            roundId)) {
      nominees.add(
          new SelectionReport.Nominee(
              num(n[0]),
              (String) n[1],
              (String) n[2],
              lower(n[3]),
              num(n[4]),
              n[5] == null ? null : (int) num(n[5])));
    }
    List<String> candidates = new ArrayList<>();
    List<SelectionReport.CountRound> rounds = new ArrayList<>();
    List<SelectionReport.AuditFile> audit = new ArrayList<>();
    String sha = (String) round[8];
    if (sha != null) {
      ResultViews.Results results = publication.results(roundId);
      results.candidates().stream()
          .sorted(java.util.Comparator.comparingInt(ResultViews.Candidate::position))
          .forEach(c -> candidates.add(c.member().displayName()));
      for (ResultViews.Round r : results.rounds()) {
        rounds.add(
            new SelectionReport.CountRound(
                r.n(),
                r.action(),
                r.threshold(),
                r.exhausted(),
                r.count(),
                r.elected(),
                r.eliminated()));
      }
      String base = "/api/v1/selection/rounds/" + roundId + "/results/";
      audit.add(new SelectionReport.AuditFile("ballots.blt", base + "ballots.blt", sha.strip()));
      audit.add(new SelectionReport.AuditFile("report.txt", base + "report.txt", null));
      audit.add(new SelectionReport.AuditFile("receipts", base + "receipts", null));
      audit.add(
          new SelectionReport.AuditFile(
              "results", "/api/v1/selection/rounds/" + roundId + "/results", null));
    }
    audit.add(
        new SelectionReport.AuditFile(
            "categories.csv",
            "/api/v1/selection/rounds/" + roundId + "/pool/categories.csv",
            null));
    // published() checks the stored draw against its SHA-256; it is public once the round is
    // counted
    RoundDraws.StoredDraw stored =
        round[9] != null && draws.stored(roundId).isPresent() ? draws.published(roundId) : null;
    SelectionReport.Draw draw = stored == null ? null : draw(roundId, (String) round[2], stored);
    if (draw != null) {
      String base = "/api/v1/selection/rounds/" + roundId;
      audit.add(new SelectionReport.AuditFile("draw", base + "/draw", null));
      audit.add(
          new SelectionReport.AuditFile(
              "draw/result.json", base + "/draw/result.json", stored.resultSha256().strip()));
      audit.add(
          new SelectionReport.AuditFile("respondents.csv", base + "/pool/respondents.csv", null));
    }
    List<SelectionReport.Delegate> delegates = new ArrayList<>();
    for (Object[] d :
        rows(
            "SELECT s.elected_order, m.display_name, s.member_type, s.region, s.device_line"
                + " FROM selection_delegate s JOIN member m ON m.id = s.member_id"
                + " WHERE s.round_id = ?1 ORDER BY s.elected_order",
            roundId)) {
      delegates.add(
          new SelectionReport.Delegate(
              (int) num(d[0]), (String) d[1], (String) d[2], (String) d[3], (String) d[4]));
    }
    return new SelectionReport.Input(
        roundId,
        (String) round[1],
        (String) round[2],
        (int) num(round[3]),
        eligible,
        num(round[5]),
        num(round[4]),
        nominees,
        candidates,
        rounds,
        draw,
        delegates,
        audit);
  }

  /**
   * The round's recorded sortition draw, or null: read through the selection facade, which checks
   * it against its published SHA-256, and only once the round is counted (a combined round's
   * shortlist draw is revealed with the count). Probabilities and the drawn panel come from the
   * stored result, the quotas from its {@code categories.csv}, each volunteer's features from its
   * {@code respondents.csv} — what the draw was made from, not today's member records; names and
   * attributes for people are read from the nominations the ids refer to.
   */
  private SelectionReport.Draw draw(long roundId, String method, RoundDraws.StoredDraw stored) {
    JsonObject result;
    try (JsonReader reader = Json.createReader(new StringReader(stored.resultJson()))) {
      result = reader.readObject();
    }
    JsonObject probabilities = result.getJsonObject("probabilities");
    Set<String> panel = new HashSet<>();
    result
        .getJsonArray("panel")
        .getValuesAs(JsonString.class)
        .forEach(v -> panel.add(v.getString()));
    List<Quota> quotas = SortitionCsv.categories(stored.categoriesCsv());
    Map<String, Map<String, String>> features = new HashMap<>();
    for (Respondent r : SortitionCsv.respondents(stored.respondentsCsv(), quotas)) {
      features.put(r.id(), r.features());
    }
    Map<Long, Object[]> nominations = new HashMap<>();
    for (Object[] n :
        rows(
            "SELECT n.id, m.display_name, n.member_type, n.region, n.device_line"
                + " FROM selection_nomination n JOIN member m ON m.id = n.nominee_id"
                + " WHERE n.round_id = ?1",
            roundId)) {
      nominations.put(num(n[0]), n);
    }
    List<SelectionReport.Volunteer> volunteers = new ArrayList<>();
    for (String id : probabilities.keySet()) {
      Object[] n = nominations.get(Long.valueOf(id));
      volunteers.add(
          new SelectionReport.Volunteer(
              Long.parseLong(id),
              n == null ? "#" + id : (String) n[1],
              n == null ? null : (String) n[2],
              n == null ? null : (String) n[3],
              n == null ? null : (String) n[4],
              features.getOrDefault(id, Map.of()),
              probabilities.getJsonNumber(id).doubleValue(),
              panel.contains(id)));
    }
    return new SelectionReport.Draw(
        "sortition".equals(method) ? "panel" : "shortlist",
        quotas.stream()
            .map(q -> new SelectionReport.DrawQuota(q.category(), q.feature(), q.min(), q.max()))
            .toList(),
        volunteers);
  }

  // ---- scoreboard ----

  Scoreboard.Input scoreboard(ReportSubject period) {
    Map<String, List<Scoreboard.Case>> byDepartment = new LinkedHashMap<>();
    for (Object name :
        em.createNativeQuery("SELECT name FROM qa_department ORDER BY name").getResultList()) {
      byDepartment.put((String) name, new ArrayList<>());
    }
    for (Object[] r :
        rows(
            "SELECT d.name, i.priority_on, i.due_on, MIN(a.approved_at) FROM qa_inquiry i"
                + " JOIN qa_answer a ON a.inquiry_id = i.id"
                + " JOIN qa_department d ON d.id = i.department_id"
                + " WHERE a.kind = 'ANSWER' AND a.approved_at IS NOT NULL"
                + " AND a.department_id = i.department_id AND i.state <> 'WITHDRAWN'"
                + " GROUP BY i.id, d.name, i.priority_on, i.due_on"
                + " HAVING MIN(a.approved_at) >= ?1 AND MIN(a.approved_at) < ?2",
            start(period.from()),
            start(period.to().plusDays(1)))) {
      LocalDate priority = date(r[1]);
      LocalDate deadline = priority != null ? priority : date(r[2]);
      LocalDate answered = LocalDate.ofInstant(((Timestamp) r[3]).toInstant(), ZoneOffset.UTC);
      byDepartment
          .computeIfAbsent((String) r[0], k -> new ArrayList<>())
          .add(new Scoreboard.Case(priority != null, deadline, answered));
    }
    // Owed but without a full answer by the period's end (Scoreboard counts those past their
    // deadline as late). Inquiries no longer owed (rejected, merged, withdrawn) are left out.
    for (Object[] r :
        rows(
            "SELECT d.name, i.priority_on, i.due_on FROM qa_inquiry i"
                + " JOIN qa_department d ON d.id = i.department_id"
                + " WHERE i.state NOT IN ('DRAFT', 'REJECTED', 'MERGED', 'WITHDRAWN')"
                + " AND COALESCE(i.priority_on, i.due_on) <= ?1"
                + " AND NOT EXISTS (SELECT 1 FROM qa_answer a WHERE a.inquiry_id = i.id"
                + " AND a.kind = 'ANSWER' AND a.approved_at IS NOT NULL"
                + " AND a.department_id = i.department_id AND a.approved_at < ?2)",
            java.sql.Date.valueOf(period.to()),
            start(period.to().plusDays(1)))) {
      LocalDate priority = date(r[1]);
      byDepartment
          .computeIfAbsent((String) r[0], k -> new ArrayList<>())
          .add(
              new Scoreboard.Case(
                  priority != null, priority != null ? priority : date(r[2]), null));
    }
    List<Scoreboard.Department> departments = new ArrayList<>();
    byDepartment.forEach((name, cases) -> departments.add(new Scoreboard.Department(name, cases)));
    return new Scoreboard.Input(period.text(), period.to(), minSample, departments);
  }

  // ---- feeds ----

  /** The newest public idea status changes: idea id, title, from, to, reason, when. */
  List<Object[]> statusChanges(int limit) {
    return em.createNativeQuery(
            "SELECT c.id, i.id, i.title, c.from_status, c.to_status, c.reason, c.changed_at"
                + " FROM idea_status_change c JOIN idea i ON i.id = c.idea_id"
                + " WHERE i.hidden = FALSE ORDER BY c.changed_at DESC, c.id DESC")
        .setMaxResults(limit)
        .getResultList();
  }

  // ---- helpers ----

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... parameters) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      q.setParameter(i + 1, parameters[i]);
    }
    return q.getResultList();
  }

  private long count(String sql, Object... parameters) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      q.setParameter(i + 1, parameters[i]);
    }
    return num(q.getSingleResult());
  }

  private static Object[] first(List<Object[]> rows) {
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static long num(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  private static String lower(Object o) {
    return o == null ? null : ((String) o).toLowerCase(Locale.ROOT);
  }

  private static LocalDate date(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (o instanceof LocalDate d) {
      return d;
    }
    return LocalDate.parse(o.toString().substring(0, 10));
  }
}
