package org.tribune.reports.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tribune.releases.control.BuildComparison;
import org.tribune.releases.control.StarDistribution;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Chart;
import org.tribune.reports.entity.ReportDocument.ChartKind;
import org.tribune.reports.entity.ReportDocument.Column;
import org.tribune.reports.entity.ReportDocument.Figure;
import org.tribune.reports.entity.ReportDocument.Table;
import org.tribune.reports.entity.ReportDocument.ValueType;

/**
 * The weekly report: what members asked for and voted on, what the company planned and shipped (and
 * in which build), whether shipped ideas solved the problem, and how the week's builds were rated
 * and judged — each build against the device's previous one both as the plain change of the mean
 * and as the releases component's probability that it is worse. A pure function of the week's
 * facts, so it is tested against hand-computed figures.
 */
public final class WeeklyReport {

  public static final int TOP_IDEAS = 10;

  /** One idea's votes: those cast during the week and its total. */
  public record TopIdea(
      long id, String title, long votesThisWeek, long totalVotes, String status) {}

  public record PlannedIdea(long id, String title, String targetBuild) {}

  public record ShippedIdea(long id, String title, String device, String build) {}

  /** Answers to "did this solve it?" for one shipped idea. */
  public record SolveResult(long ideaId, String title, long solved, long notSolved) {}

  /**
   * A build published this week, with its star counts (index 0 = one star) and its predecessor's.
   *
   * @param previousBuild the previous build for the same device, or null
   * @param verdict the build's verdict (pending, passed, bad, shipped_anyway, cleared)
   * @param override the company's override decision, or null
   */
  public record BuildWeek(
      String device,
      String build,
      long[] stars,
      String previousBuild,
      long[] previousStars,
      long goodVerdicts,
      long badVerdicts,
      String verdict,
      long halts,
      String override) {}

  public record Input(
      String week,
      long ideasSubmitted,
      long votesCast,
      List<TopIdea> ideas,
      List<PlannedIdea> planned,
      List<ShippedIdea> shipped,
      List<SolveResult> solveResults,
      List<BuildWeek> builds) {}

  private WeeklyReport() {}

  public static ReportDocument generate(Input in, Instant now) {
    List<TopIdea> top =
        in.ideas().stream()
            .filter(i -> i.votesThisWeek() > 0)
            .sorted(
                Comparator.comparingLong(TopIdea::votesThisWeek)
                    .reversed()
                    .thenComparingLong(TopIdea::id))
            .limit(TOP_IDEAS)
            .toList();
    Table topIdeas =
        new Table(
            "top_ideas",
            List.of(
                new Column("idea", ValueType.INTEGER),
                new Column("title", ValueType.TEXT),
                new Column("votes_this_week", ValueType.INTEGER),
                new Column("votes_total", ValueType.INTEGER),
                new Column("status", ValueType.TEXT),
                new Column("link", ValueType.LINK)),
            top.stream()
                .map(
                    i ->
                        row(
                            i.id(),
                            i.title(),
                            i.votesThisWeek(),
                            i.totalVotes(),
                            i.status(),
                            "#/ideas/" + i.id()))
                .toList());
    Table planned =
        new Table(
            "ideas_planned",
            List.of(
                new Column("idea", ValueType.INTEGER),
                new Column("title", ValueType.TEXT),
                new Column("target_build", ValueType.TEXT),
                new Column("link", ValueType.LINK)),
            in.planned().stream()
                .sorted(Comparator.comparingLong(PlannedIdea::id))
                .map(p -> row(p.id(), p.title(), p.targetBuild(), "#/ideas/" + p.id()))
                .toList());
    Table shipped =
        new Table(
            "ideas_shipped",
            List.of(
                new Column("idea", ValueType.INTEGER),
                new Column("title", ValueType.TEXT),
                new Column("device", ValueType.TEXT),
                new Column("build", ValueType.TEXT),
                new Column("link", ValueType.LINK)),
            in.shipped().stream()
                .sorted(Comparator.comparingLong(ShippedIdea::id).thenComparing(ShippedIdea::build))
                .map(s -> row(s.id(), s.title(), s.device(), s.build(), "#/ideas/" + s.id()))
                .toList());
    long solvedAll = 0;
    long answeredAll = 0;
    List<List<Object>> solveRows = new ArrayList<>();
    for (SolveResult s :
        in.solveResults().stream().sorted(Comparator.comparingLong(SolveResult::ideaId)).toList()) {
      long answered = s.solved() + s.notSolved();
      solvedAll += s.solved();
      answeredAll += answered;
      solveRows.add(
          row(
              s.ideaId(),
              s.title(),
              s.solved(),
              s.notSolved(),
              Decimals.share(s.solved(), answered)));
    }
    Table solve =
        new Table(
            "solve_results",
            List.of(
                new Column("idea", ValueType.INTEGER),
                new Column("title", ValueType.TEXT),
                new Column("solved", ValueType.INTEGER),
                new Column("not_solved", ValueType.INTEGER),
                new Column("solved_share", ValueType.PERCENT)),
            solveRows);
    long halts = 0;
    List<List<Object>> buildRows = new ArrayList<>();
    for (BuildWeek b :
        in.builds().stream()
            .sorted(Comparator.comparing(BuildWeek::device).thenComparing(BuildWeek::build))
            .toList()) {
      halts += b.halts();
      BigDecimal mean = meanStars(b.stars());
      BigDecimal previous = b.previousStars() == null ? null : meanStars(b.previousStars());
      buildRows.add(
          row(
              b.device(),
              b.build(),
              count(b.stars()),
              mean,
              b.previousBuild(),
              previous,
              mean == null || previous == null ? null : mean.subtract(previous),
              b.goodVerdicts(),
              b.badVerdicts(),
              b.verdict(),
              b.halts(),
              b.override(),
              probabilityWorse(b)));
    }
    Table builds =
        new Table(
            "builds",
            List.of(
                new Column("device", ValueType.TEXT),
                new Column("build", ValueType.TEXT),
                new Column("ratings", ValueType.INTEGER),
                new Column("mean_stars", ValueType.DECIMAL),
                new Column("previous_build", ValueType.TEXT),
                new Column("previous_mean_stars", ValueType.DECIMAL),
                new Column("change", ValueType.DECIMAL),
                new Column("good_verdicts", ValueType.INTEGER),
                new Column("bad_verdicts", ValueType.INTEGER),
                new Column("verdict", ValueType.TEXT),
                new Column("halts", ValueType.INTEGER),
                new Column("override", ValueType.TEXT),
                new Column("probability_worse", ValueType.PERCENT)),
            buildRows);
    List<Figure> figures =
        List.of(
            new Figure("ideas_submitted", ValueType.INTEGER, in.ideasSubmitted()),
            new Figure("votes_cast", ValueType.INTEGER, in.votesCast()),
            new Figure("ideas_planned", ValueType.INTEGER, (long) planned.rows().size()),
            new Figure("ideas_shipped", ValueType.INTEGER, (long) shipped.rows().size()),
            new Figure("solved_share", ValueType.PERCENT, Decimals.share(solvedAll, answeredAll)),
            new Figure("builds", ValueType.INTEGER, (long) builds.rows().size()),
            new Figure("halts", ValueType.INTEGER, halts));
    return new ReportDocument(
        "weekly",
        in.week(),
        1,
        "Weekly report " + in.week(),
        "",
        now,
        null,
        null,
        figures,
        List.of(topIdeas, planned, shipped, solve, builds),
        List.of(
            new Chart(
                "top_ideas_votes", ChartKind.BAR, "top_ideas", "title", List.of("votes_this_week")),
            new Chart(
                "build_scores",
                ChartKind.BAR,
                "builds",
                "build",
                List.of("mean_stars", "previous_mean_stars"))));
  }

  /**
   * The probability that the build is worse than the device's previous build, exactly as the
   * releases component computes it for its build pages ({@link BuildComparison#probabilityWorse}:
   * P(μ_new &lt; μ_prev) under both builds' Dirichlet posteriors), or null without a previous
   * build. The prior keeps it defined without ratings (two unrated builds: 0.5).
   */
  static BigDecimal probabilityWorse(BuildWeek b) {
    if (b.previousBuild() == null || b.previousStars() == null) {
      return null;
    }
    return Decimals.share(
        BuildComparison.probabilityWorse(
            StarDistribution.of(b.stars()), StarDistribution.of(b.previousStars())));
  }

  /** The mean star rating, or null without ratings. */
  static BigDecimal meanStars(long[] stars) {
    long sum = 0;
    for (int i = 0; i < stars.length; i++) {
      sum += (i + 1) * stars[i];
    }
    return Decimals.mean(sum, count(stars));
  }

  private static long count(long[] stars) {
    long n = 0;
    for (long s : stars) {
      n += s;
    }
    return n;
  }

  static List<Object> row(Object... values) {
    return java.util.Arrays.asList(values);
  }
}
