package org.tribune.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Figure;
import org.tribune.reports.entity.ReportDocument.Table;

/** Every generator against a small fixed data set whose figures were worked out by hand. */
class ReportGeneratorsTest {

  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  static WeeklyReport.Input weekly() {
    return new WeeklyReport.Input(
        "2026-W47",
        4,
        23,
        List.of(
            new WeeklyReport.TopIdea(11, "Dark mode", 9, 40, "planned"),
            new WeeklyReport.TopIdea(12, "Battery widget", 9, 12, "open"),
            new WeeklyReport.TopIdea(10, "Call recorder", 5, 70, "shipped"),
            new WeeklyReport.TopIdea(13, "No votes", 0, 3, "open")),
        List.of(new WeeklyReport.PlannedIdea(11, "Dark mode", "V14.2")),
        List.of(new WeeklyReport.ShippedIdea(10, "Call recorder", "Aurora 5", "V14.1.3")),
        List.of(
            new WeeklyReport.SolveResult(10, "Call recorder", 3, 1),
            new WeeklyReport.SolveResult(9, "Faster unlock", 1, 3)),
        List.of(
            new WeeklyReport.BuildWeek(
                "Aurora 5",
                "V14.1.3",
                new long[] {0, 0, 1, 2, 2},
                "V14.1.2",
                new long[] {1, 0, 1, 1, 1},
                3,
                1,
                "passed",
                1,
                null),
            new WeeklyReport.BuildWeek(
                "Aurora 5", "V14.1.4", new long[5], null, null, 0, 0, "pending", 0, null)));
  }

  @Test
  void weeklyFiguresAndTables() {
    ReportDocument d = WeeklyReport.generate(weekly(), NOW);
    assertEquals("weekly", d.kind());
    assertEquals("2026-W47", d.subject());
    assertEquals(4L, figure(d, "ideas_submitted"));
    assertEquals(23L, figure(d, "votes_cast"));
    assertEquals(1L, figure(d, "ideas_planned"));
    assertEquals(1L, figure(d, "ideas_shipped"));
    // 3 + 1 solved of 8 answered
    assertEquals(new BigDecimal("0.5000"), figure(d, "solved_share"));
    assertEquals(2L, figure(d, "builds"));
    assertEquals(1L, figure(d, "halts"));

    Table top = d.table("top_ideas");
    // ties on this week's votes go to the older idea; ideas without votes this week are left out
    assertEquals(List.of(11L, 12L, 10L), column(top, "idea"));
    assertEquals("#/ideas/11", top.rows().get(0).get(top.column("link")));

    Table solve = d.table("solve_results");
    assertEquals(List.of(9L, 10L), column(solve, "idea"));
    assertEquals(
        List.of(new BigDecimal("0.2500"), new BigDecimal("0.7500")), column(solve, "solved_share"));

    Table builds = d.table("builds");
    List<Object> first = builds.rows().get(0);
    assertEquals(5L, first.get(builds.column("ratings")));
    // (3 + 8 + 10) / 5 = 4.20; previous (1 + 3 + 4 + 5) / 4 = 3.25
    assertEquals(new BigDecimal("4.20"), first.get(builds.column("mean_stars")));
    assertEquals(new BigDecimal("3.25"), first.get(builds.column("previous_mean_stars")));
    assertEquals(new BigDecimal("0.95"), first.get(builds.column("change")));
    // P(worse) as the releases component computes it. New (0,0,1,2,2) with one pseudo-rating per
    // star: μ = 36/10 = 3.6, μ₂ = 146/10 = 14.6, σ² = (14.6 − 12.96)/11 = 0.1490909. Previous
    // (1,0,1,1,1): μ = 28/9 = 3.111111, μ₂ = 106/9 = 11.777778, σ² = 2.098765/10 = 0.2098765.
    // z = (3.111111 − 3.6)/√0.3589674 = −0.488889/0.599139 = −0.815986; Φ(z) = 0.207254.
    assertEquals(new BigDecimal("0.2073"), first.get(builds.column("probability_worse")));
    List<Object> unrated = builds.rows().get(1);
    assertNull(unrated.get(builds.column("mean_stars")));
    assertNull(unrated.get(builds.column("change")));
    assertNull(unrated.get(builds.column("probability_worse")), "no previous build");
  }

  @Test
  void sessionCountsClassificationsRevisionsAndPlans() {
    SessionReport.Input in =
        new SessionReport.Input(
            7,
            "November session",
            LocalDate.parse("2026-11-20"),
            List.of(
                inquiry("Q-2026-003", "answer c", "accepted", "satisfied", 0, 0),
                inquiry("Q-2026-001", "answer a", "partly", "partly", 2, 1),
                inquiry("Q-2026-002", "answer b", "declined", "satisfied", 1, 0),
                inquiry("Q-2026-004", null, null, null, 0, 0)),
            List.of(
                new SessionReport.PlanRow(
                    2,
                    "Fix GPS",
                    "Location",
                    "done",
                    100,
                    LocalDate.parse("2027-01-31"),
                    List.of("Q-2026-001")),
                new SessionReport.PlanRow(
                    3,
                    "Camera HDR",
                    "Camera",
                    "in_progress",
                    25,
                    LocalDate.parse("2027-03-31"),
                    List.of())));
    ReportDocument d = SessionReport.generate(in, NOW);
    assertEquals("7", d.subject());
    assertEquals(4L, figure(d, "inquiries"));
    assertEquals(3L, figure(d, "answered"));
    assertEquals(2L, figure(d, "satisfied"));
    assertEquals(1L, figure(d, "partly_satisfied"));
    assertEquals(0L, figure(d, "not_satisfied"));
    // 2 satisfied of 3 classified
    assertEquals(new BigDecimal("0.6667"), figure(d, "satisfied_share"));
    assertEquals(3L, figure(d, "revisions"));
    assertEquals(1L, figure(d, "corrections"));
    assertEquals(2L, figure(d, "plans"));
    assertEquals(1L, figure(d, "plans_done"));
    assertEquals(new BigDecimal("62.50"), figure(d, "plan_progress_mean"));
    assertEquals(
        List.of("Q-2026-001", "Q-2026-002", "Q-2026-003", "Q-2026-004"),
        column(d.table("inquiries"), "reference"));
    assertEquals(List.of(2L, 1L, 0L, 1L), column(d.table("satisfaction"), "inquiries"));
  }

  private static SessionReport.InquiryRow inquiry(
      String ref,
      String answer,
      String outcome,
      String satisfaction,
      int revisions,
      int corrections) {
    return new SessionReport.InquiryRow(
        ref,
        "Heading " + ref,
        "question",
        "Camera",
        "published",
        answer,
        outcome,
        satisfaction,
        revisions,
        corrections);
  }

  @Test
  void selectionTurnoutCountRoundsAndDelegates() {
    SelectionReport.Input in =
        new SelectionReport.Input(
            3,
            "Delegates 2027",
            "stv",
            2,
            40,
            10,
            17,
            List.of(
                new SelectionReport.Nominee(21, "Ana", "user", "accepted", 9, 1),
                new SelectionReport.Nominee(22, "Bo", "user", "accepted", 5, 2),
                new SelectionReport.Nominee(23, "Cy", "developer", "accepted", 3, 3)),
            List.of("Ana", "Bo", "Cy"),
            List.of(
                new SelectionReport.CountRound(
                    1,
                    "first",
                    3_333_334,
                    0,
                    List.of(5_000_000L, 3_000_000L, 2_000_000L),
                    List.of(1),
                    List.of()),
                new SelectionReport.CountRound(
                    2,
                    "surplus",
                    3_333_334,
                    0,
                    List.of(3_333_334L, 4_666_666L, 2_000_000L),
                    List.of(2),
                    List.of(3))),
            null,
            List.of(
                new SelectionReport.Delegate(2, "Bo", "user", "EU", "aurora"),
                new SelectionReport.Delegate(1, "Ana", "user", "CN", null)),
            List.of(
                new SelectionReport.AuditFile(
                    "ballots.blt", "/api/v1/selection/rounds/3/results/ballots.blt", "ab")));
    ReportDocument d = SelectionReport.generate(in, NOW);
    assertEquals(new BigDecimal("0.2500"), figure(d, "turnout"));
    assertEquals(3L, figure(d, "nominees"));
    assertEquals(17L, figure(d, "endorsements"));
    assertEquals(2L, figure(d, "delegates"));
    assertEquals(2L, figure(d, "count_rounds"));
    Table rounds = d.table("count_rounds");
    assertEquals("Bo", rounds.rows().get(1).get(rounds.column("elected")));
    assertEquals("Cy", rounds.rows().get(1).get(rounds.column("eliminated")));
    assertEquals(new BigDecimal("3.333334"), rounds.rows().get(0).get(rounds.column("threshold")));
    assertEquals(6, d.table("count_votes").rows().size());
    assertEquals(
        List.of(new BigDecimal("5.000000"), new BigDecimal("3.000000"), new BigDecimal("2.000000")),
        column(d.table("first_preferences"), "votes"));
    assertEquals(List.of("Ana", "Bo"), column(d.table("delegates"), "name"));
    // an election has no draw: the draw's tables are there (stable schema) but empty
    assertTrue(d.table("probabilities").rows().isEmpty());
    assertTrue(d.table("probability_categories").rows().isEmpty());
    assertNull(
        d.figures().stream()
            .filter(f -> f.id().equals("draw_stage"))
            .findFirst()
            .orElseThrow()
            .value());
  }

  /**
   * Four volunteers for two seats, one user and one developer guaranteed (min 1, max 1 each); the
   * stored LEXIMIN probabilities are 0.5, 0.5, 0.75, 0.25 (they sum to the 2 seats). Per category,
   * by hand: users Ana + Bo = 1.00 expected seat, mean 0.5, 1 drawn (Ana); developers Cy + Di =
   * 1.00, mean 0.5, 1 drawn (Cy); region CN (Ana, Cy) = 0.5 + 0.75 = 1.25, mean 0.625, both drawn;
   * EU (Bo, Di) = 0.75, mean 0.375, none drawn.
   */
  @Test
  void sortitionProbabilitiesPerVolunteerAndPerCategoryFromTheStoredDraw() {
    SelectionReport.Draw draw =
        new SelectionReport.Draw(
            "panel",
            List.of(
                new SelectionReport.DrawQuota("member_type", "user", 1, 1),
                new SelectionReport.DrawQuota("member_type", "developer", 1, 1),
                new SelectionReport.DrawQuota("region", "CN", 0, 2),
                new SelectionReport.DrawQuota("region", "EU", 0, 2),
                new SelectionReport.DrawQuota("region", "US", 0, 2)),
            List.of(
                volunteer(24, "Di", "developer", "EU", 0.25, false),
                volunteer(21, "Ana", "user", "CN", 0.5, true),
                volunteer(23, "Cy", "developer", "CN", 0.75, true),
                volunteer(22, "Bo", "user", "EU", 0.5, false)));
    SelectionReport.Input in =
        new SelectionReport.Input(
            5,
            "Panel by lot",
            "sortition",
            2,
            40,
            0,
            0,
            List.of(),
            List.of(),
            List.of(),
            draw,
            List.of(
                new SelectionReport.Delegate(1, "Ana", "user", "CN", null),
                new SelectionReport.Delegate(2, "Cy", "developer", "CN", null)),
            List.of());
    ReportDocument d = SelectionReport.generate(in, NOW);

    Table p = d.table("probabilities");
    assertEquals(List.of("name", "probability"), firstColumns(p, 2), "schema: first revision");
    assertEquals(List.of("Ana", "Bo", "Cy", "Di"), column(p, "name"));
    assertEquals(
        List.of(
            new BigDecimal("0.5000"),
            new BigDecimal("0.5000"),
            new BigDecimal("0.7500"),
            new BigDecimal("0.2500")),
        column(p, "probability"));
    assertEquals(List.of(21L, 22L, 23L, 24L), column(p, "nomination"));
    assertEquals(List.of(1L, 0L, 1L, 0L), column(p, "selected"));
    assertEquals(List.of("panel", "panel", "panel", "panel"), column(p, "stage"));
    assertEquals("developer", p.rows().get(3).get(p.column("member_type")));

    Table c = d.table("probability_categories");
    assertEquals(List.of("user", "developer", "CN", "EU", "US"), column(c, "feature"));
    assertEquals(List.of(2L, 2L, 2L, 2L, 0L), column(c, "volunteers"));
    assertEquals(List.of(1L, 1L, 0L, 0L, 0L), column(c, "min"));
    assertEquals(
        List.of(
            new BigDecimal("1.00"),
            new BigDecimal("1.00"),
            new BigDecimal("1.25"),
            new BigDecimal("0.75"),
            new BigDecimal("0.00")),
        column(c, "expected_seats"));
    assertEquals(
        java.util.Arrays.asList(
            new BigDecimal("0.5000"),
            new BigDecimal("0.5000"),
            new BigDecimal("0.6250"),
            new BigDecimal("0.3750"),
            null),
        column(c, "mean_probability"));
    assertEquals(List.of(1L, 1L, 2L, 0L, 0L), column(c, "seats"));

    assertEquals("panel", figure(d, "draw_stage"));
    assertEquals(new BigDecimal("0.2500"), figure(d, "draw_minimum_probability"));
    assertTrue(d.charts().stream().anyMatch(ch -> ch.tableId().equals("probabilities")));
  }

  private static SelectionReport.Volunteer volunteer(
      long id, String name, String type, String region, double p, boolean selected) {
    return new SelectionReport.Volunteer(
        id,
        name,
        type,
        region,
        null,
        java.util.Map.of("member_type", type, "region", region),
        p,
        selected);
  }

  private static List<String> firstColumns(Table t, int n) {
    return t.columns().subList(0, n).stream().map(ReportDocument.Column::id).toList();
  }

  @Test
  void scoreboardHidesSharesBelowTheMinimumSample() {
    LocalDate due = LocalDate.parse("2026-11-10");
    LocalDate onTime = due.minusDays(1);
    LocalDate late = due.plusDays(1);
    Scoreboard.Input in =
        new Scoreboard.Input(
            "2026-10-01..2026-12-31",
            LocalDate.parse("2026-12-31"),
            5,
            List.of(
                new Scoreboard.Department(
                    "Camera",
                    List.of(
                        new Scoreboard.Case(false, due, onTime),
                        new Scoreboard.Case(false, due, due),
                        new Scoreboard.Case(true, due, onTime),
                        new Scoreboard.Case(false, due, late),
                        new Scoreboard.Case(false, due, onTime),
                        new Scoreboard.Case(true, due, late),
                        new Scoreboard.Case(false, due, onTime),
                        new Scoreboard.Case(false, due, onTime),
                        new Scoreboard.Case(false, due, onTime),
                        new Scoreboard.Case(false, due, onTime))),
                new Scoreboard.Department(
                    "Battery",
                    List.of(
                        new Scoreboard.Case(false, due, onTime),
                        new Scoreboard.Case(false, due, late)))));
    ReportDocument d = Scoreboard.generate(in, NOW);
    Table t = d.table("departments");
    assertEquals(List.of("Battery", "Camera"), column(t, "department"));
    List<Object> camera = t.rows().get(1);
    assertEquals(10L, camera.get(t.column("answered")));
    assertEquals(8L, camera.get(t.column("on_time")));
    assertEquals(new BigDecimal("0.8000"), camera.get(t.column("on_time_share")));
    assertEquals(new BigDecimal("0.4902"), camera.get(t.column("ci_low")));
    assertEquals(new BigDecimal("0.9433"), camera.get(t.column("ci_high")));
    assertEquals(2L, camera.get(t.column("priority_answered")));
    assertEquals(1L, camera.get(t.column("priority_on_time")));
    List<Object> battery = t.rows().get(0);
    assertEquals(2L, battery.get(t.column("answered")));
    assertNull(battery.get(t.column("on_time_share")));
    assertNull(battery.get(t.column("ci_low")));
    // overall 9 of 12: 0.75, Wilson [0.4677, 0.9111]
    assertEquals(12L, figure(d, "answered"));
    assertEquals(new BigDecimal("0.7500"), figure(d, "on_time_share"));
    assertEquals(new BigDecimal("0.4677"), figure(d, "ci_low"));
    assertEquals(new BigDecimal("0.9111"), figure(d, "ci_high"));
  }

  /**
   * Unanswered inquiries past their deadline at the period's end count as late (UK written-question
   * practice); unanswered ones not yet due do not count. Camera: the 10 answers above (8 on time)
   * plus 2 unanswered whose deadlines passed (one on the period's last day, one long before) and 1
   * due after the period: 8 on time of 12 counted = 0.6667, Wilson 95% [0.3906, 0.8619]. Battery: 2
   * answered (1 on time) + 1 overdue priority inquiry = 3 counted, below the sample of 5: no share.
   * Overall 9 on time of 15 = 0.6000, Wilson [0.3575, 0.8018].
   */
  @Test
  void scoreboardCountsUnansweredOverdueInquiriesAsLate() {
    LocalDate end = LocalDate.parse("2026-12-31");
    LocalDate due = LocalDate.parse("2026-11-10");
    LocalDate onTime = due.minusDays(1);
    LocalDate late = due.plusDays(1);
    List<Scoreboard.Case> camera = new java.util.ArrayList<>();
    for (LocalDate answered :
        List.of(onTime, due, onTime, late, onTime, late, onTime, onTime, onTime, onTime)) {
      camera.add(new Scoreboard.Case(false, due, answered));
    }
    camera.add(new Scoreboard.Case(false, end, null)); // due on the last day, still unanswered
    camera.add(new Scoreboard.Case(false, LocalDate.parse("2026-03-02"), null)); // long overdue
    camera.add(new Scoreboard.Case(false, end.plusDays(1), null)); // not yet due: not counted
    Scoreboard.Input in =
        new Scoreboard.Input(
            "2026-10-01..2026-12-31",
            end,
            5,
            List.of(
                new Scoreboard.Department("Camera", camera),
                new Scoreboard.Department(
                    "Battery",
                    List.of(
                        new Scoreboard.Case(false, due, onTime),
                        new Scoreboard.Case(false, due, late),
                        new Scoreboard.Case(true, due, null)))));
    ReportDocument d = Scoreboard.generate(in, NOW);
    Table t = d.table("departments");
    List<Object> c = t.rows().get(1);
    assertEquals("Camera", c.get(t.column("department")));
    assertEquals(10L, c.get(t.column("answered")));
    assertEquals(2L, c.get(t.column("overdue_unanswered")));
    assertEquals(12L, c.get(t.column("counted")));
    assertEquals(8L, c.get(t.column("on_time")));
    assertEquals(new BigDecimal("0.6667"), c.get(t.column("on_time_share")));
    assertEquals(new BigDecimal("0.3906"), c.get(t.column("ci_low")));
    assertEquals(new BigDecimal("0.8619"), c.get(t.column("ci_high")));
    List<Object> b = t.rows().get(0);
    assertEquals(2L, b.get(t.column("answered")));
    assertEquals(1L, b.get(t.column("overdue_unanswered")));
    assertEquals(3L, b.get(t.column("counted")));
    assertEquals(0L, b.get(t.column("priority_answered")), "answered priority inquiries only");
    assertNull(b.get(t.column("on_time_share")));
    assertEquals(12L, figure(d, "answered"));
    assertEquals(3L, figure(d, "overdue_unanswered"));
    assertEquals(15L, figure(d, "counted"));
    assertEquals(9L, figure(d, "on_time"));
    assertEquals(new BigDecimal("0.6000"), figure(d, "on_time_share"));
    assertEquals(new BigDecimal("0.3575"), figure(d, "ci_low"));
    assertEquals(new BigDecimal("0.8018"), figure(d, "ci_high"));
  }

  static Object figure(ReportDocument d, String id) {
    return d.figures().stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .map(Figure::value)
        .orElseThrow();
  }

  static List<Object> column(Table t, String id) {
    int i = t.column(id);
    return t.rows().stream().map(r -> r.get(i)).toList();
  }
}
