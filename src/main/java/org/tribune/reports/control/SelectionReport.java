package org.tribune.reports.control;

import static org.tribune.reports.control.WeeklyReport.row;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Chart;
import org.tribune.reports.entity.ReportDocument.ChartKind;
import org.tribune.reports.entity.ReportDocument.Column;
import org.tribune.reports.entity.ReportDocument.Figure;
import org.tribune.reports.entity.ReportDocument.Table;
import org.tribune.reports.entity.ReportDocument.ValueType;

/**
 * A selection round's report: who could vote and how many did, the nominees and their endorsements,
 * the count round by round (STV votes in the count's own units of 10⁻⁶) or, for a sortition, each
 * volunteer's selection probability from the recorded draw (and what it means per category: the
 * expected seats of each quota's feature), the delegates, and the audit files anyone can recount
 * from.
 */
public final class SelectionReport {

  public record Nominee(
      long nominationId,
      String name,
      String memberType,
      String status,
      long endorsements,
      Integer ballotPosition) {}

  /**
   * One STV round; {@code counts} are the candidates' votes in 10⁻⁶ units, by ballot position − 1;
   * {@code elected} and {@code eliminated} are ballot positions.
   */
  public record CountRound(
      int n,
      String action,
      long threshold,
      long exhausted,
      List<Long> counts,
      List<Integer> elected,
      List<Integer> eliminated) {}

  public record Delegate(
      int order, String name, String memberType, String region, String deviceLine) {}

  /**
   * One volunteer of a recorded sortition draw.
   *
   * @param features the volunteer's value in each category the draw was stratified by, as in the
   *     draw's {@code respondents.csv}
   * @param probability the LEXIMIN probability of being drawn, as stored with the draw
   * @param selected whether the seeded draw picked them
   */
  public record Volunteer(
      long nominationId,
      String name,
      String memberType,
      String region,
      String deviceLine,
      Map<String, String> features,
      double probability,
      boolean selected) {
    public Volunteer {
      features = Map.copyOf(features);
    }
  }

  /** One row of the draw's {@code categories.csv}: the seats a feature must have, at least/most. */
  public record DrawQuota(String category, String feature, int min, int max) {}

  /**
   * A recorded sortition draw (the stored {@code selection_draw}, checked against its SHA-256).
   *
   * @param stage {@code panel} when the draw chose the delegates (a sortition round), {@code
   *     shortlist} when it chose the shortlist a combined round then elected from
   * @param quotas the quotas the draw was made with, in file order
   */
  public record Draw(String stage, List<DrawQuota> quotas, List<Volunteer> volunteers) {
    public Draw {
      quotas = List.copyOf(quotas);
      volunteers = List.copyOf(volunteers);
    }
  }

  public record AuditFile(String file, String link, String sha256) {}

  /**
   * @param candidates the names on the ballot, by ballot position − 1 (STV)
   * @param draw the recorded sortition draw (sortition and combined rounds, once published), or
   *     null
   */
  public record Input(
      long roundId,
      String title,
      String method,
      int seats,
      long eligibleVoters,
      long ballots,
      long endorsements,
      List<Nominee> nominees,
      List<String> candidates,
      List<CountRound> rounds,
      Draw draw,
      List<Delegate> delegates,
      List<AuditFile> audit) {}

  private SelectionReport() {}

  public static ReportDocument generate(Input in, Instant now) {
    Table nominees =
        new Table(
            "nominees",
            List.of(
                new Column("nomination", ValueType.INTEGER),
                new Column("name", ValueType.TEXT),
                new Column("member_type", ValueType.TEXT),
                new Column("status", ValueType.TEXT),
                new Column("endorsements", ValueType.INTEGER),
                new Column("ballot_position", ValueType.INTEGER)),
            in.nominees().stream()
                .sorted(Comparator.comparingLong(Nominee::nominationId))
                .map(
                    n ->
                        row(
                            n.nominationId(),
                            n.name(),
                            n.memberType(),
                            n.status(),
                            n.endorsements(),
                            n.ballotPosition() == null ? null : (long) n.ballotPosition()))
                .toList());
    List<List<Object>> roundRows = new ArrayList<>();
    List<List<Object>> voteRows = new ArrayList<>();
    for (CountRound r : in.rounds()) {
      roundRows.add(
          row(
              (long) r.n(),
              r.action(),
              Decimals.micro(r.threshold()),
              Decimals.micro(r.exhausted()),
              names(in.candidates(), r.elected()),
              names(in.candidates(), r.eliminated())));
      for (int i = 0; i < r.counts().size(); i++) {
        voteRows.add(
            row((long) r.n(), name(in.candidates(), i + 1), Decimals.micro(r.counts().get(i))));
      }
    }
    Table rounds =
        new Table(
            "count_rounds",
            List.of(
                new Column("round", ValueType.INTEGER),
                new Column("action", ValueType.TEXT),
                new Column("threshold", ValueType.DECIMAL),
                new Column("exhausted", ValueType.DECIMAL),
                new Column("elected", ValueType.TEXT),
                new Column("eliminated", ValueType.TEXT)),
            roundRows);
    Table votes =
        new Table(
            "count_votes",
            List.of(
                new Column("round", ValueType.INTEGER),
                new Column("candidate", ValueType.TEXT),
                new Column("votes", ValueType.DECIMAL)),
            voteRows);
    List<List<Object>> firstRows = new ArrayList<>();
    if (!in.rounds().isEmpty()) {
      List<Long> first = in.rounds().get(0).counts();
      for (int i = 0; i < first.size(); i++) {
        firstRows.add(row(name(in.candidates(), i + 1), Decimals.micro(first.get(i))));
      }
    }
    Table firstPreferences =
        new Table(
            "first_preferences",
            List.of(
                new Column("candidate", ValueType.TEXT), new Column("votes", ValueType.DECIMAL)),
            firstRows);
    Table probabilities = probabilities(in.draw());
    Table probabilityCategories = probabilityCategories(in.draw());
    Table delegates =
        new Table(
            "delegates",
            List.of(
                new Column("order", ValueType.INTEGER),
                new Column("name", ValueType.TEXT),
                new Column("member_type", ValueType.TEXT),
                new Column("region", ValueType.TEXT),
                new Column("device_line", ValueType.TEXT)),
            in.delegates().stream()
                .sorted(Comparator.comparingInt(Delegate::order))
                .map(
                    d ->
                        row((long) d.order(), d.name(), d.memberType(), d.region(), d.deviceLine()))
                .toList());
    Table audit =
        new Table(
            "audit_files",
            List.of(
                new Column("file", ValueType.TEXT),
                new Column("link", ValueType.LINK),
                new Column("sha256", ValueType.TEXT)),
            in.audit().stream().map(a -> row(a.file(), a.link(), a.sha256())).toList());
    BigDecimal turnout = Decimals.share(in.ballots(), in.eligibleVoters());
    List<Figure> figures =
        List.of(
            new Figure("eligible_voters", ValueType.INTEGER, in.eligibleVoters()),
            new Figure("ballots", ValueType.INTEGER, in.ballots()),
            new Figure("turnout", ValueType.PERCENT, turnout),
            new Figure("nominees", ValueType.INTEGER, (long) in.nominees().size()),
            new Figure("endorsements", ValueType.INTEGER, in.endorsements()),
            new Figure("seats", ValueType.INTEGER, (long) in.seats()),
            new Figure("delegates", ValueType.INTEGER, (long) in.delegates().size()),
            new Figure("count_rounds", ValueType.INTEGER, (long) in.rounds().size()),
            new Figure("draw_stage", ValueType.TEXT, in.draw() == null ? null : in.draw().stage()),
            new Figure(
                "draw_minimum_probability",
                ValueType.PERCENT,
                in.draw() == null || in.draw().volunteers().isEmpty()
                    ? null
                    : Decimals.share(
                        in.draw().volunteers().stream()
                            .mapToDouble(Volunteer::probability)
                            .min()
                            .orElseThrow())));
    return new ReportDocument(
        "selection",
        Long.toString(in.roundId()),
        1,
        in.title(),
        "",
        now,
        null,
        null,
        figures,
        List.of(
            nominees,
            firstPreferences,
            rounds,
            votes,
            probabilities,
            probabilityCategories,
            delegates,
            audit),
        List.of(
            new Chart("endorsements", ChartKind.BAR, "nominees", "name", List.of("endorsements")),
            new Chart(
                "first_preferences",
                ChartKind.BAR,
                "first_preferences",
                "candidate",
                List.of("votes")),
            new Chart(
                "probabilities", ChartKind.BAR, "probabilities", "name", List.of("probability"))));
  }

  /**
   * Every volunteer of the draw with their probability, by name (then nomination). The first two
   * columns are those of the schema's first revision; the rest were added after.
   */
  static Table probabilities(Draw draw) {
    List<Volunteer> volunteers =
        draw == null
            ? List.of()
            : draw.volunteers().stream()
                .sorted(
                    Comparator.comparing(Volunteer::name)
                        .thenComparingLong(Volunteer::nominationId))
                .toList();
    return new Table(
        "probabilities",
        List.of(
            new Column("name", ValueType.TEXT),
            new Column("probability", ValueType.PERCENT),
            new Column("nomination", ValueType.INTEGER),
            new Column("member_type", ValueType.TEXT),
            new Column("region", ValueType.TEXT),
            new Column("device_line", ValueType.TEXT),
            new Column("selected", ValueType.INTEGER),
            new Column("stage", ValueType.TEXT)),
        volunteers.stream()
            .map(
                v ->
                    row(
                        v.name(),
                        Decimals.share(v.probability()),
                        v.nominationId(),
                        v.memberType(),
                        v.region(),
                        v.deviceLine(),
                        v.selected() ? 1L : 0L,
                        draw.stage()))
            .toList());
  }

  /**
   * Per quota row of the draw (category and feature, in the order of its {@code categories.csv}):
   * how many volunteers have the feature, the seats it was guaranteed and capped at, the seats it
   * can expect (the sum of its volunteers' probabilities — exact, by linearity of expectation), the
   * mean probability of its volunteers, and the seats it got in the drawn panel.
   */
  static Table probabilityCategories(Draw draw) {
    List<List<Object>> rows = new ArrayList<>();
    if (draw != null) {
      for (DrawQuota q : draw.quotas()) {
        List<Volunteer> having =
            draw.volunteers().stream()
                .filter(v -> q.feature().equals(v.features().get(q.category())))
                .toList();
        double expected = having.stream().mapToDouble(Volunteer::probability).sum();
        rows.add(
            row(
                q.category(),
                q.feature(),
                (long) q.min(),
                (long) q.max(),
                (long) having.size(),
                BigDecimal.valueOf(expected).setScale(Decimals.MEAN_SCALE, RoundingMode.HALF_EVEN),
                having.isEmpty() ? null : Decimals.share(expected / having.size()),
                having.stream().filter(Volunteer::selected).count(),
                draw.stage()));
      }
    }
    return new Table(
        "probability_categories",
        List.of(
            new Column("category", ValueType.TEXT),
            new Column("feature", ValueType.TEXT),
            new Column("min", ValueType.INTEGER),
            new Column("max", ValueType.INTEGER),
            new Column("volunteers", ValueType.INTEGER),
            new Column("expected_seats", ValueType.DECIMAL),
            new Column("mean_probability", ValueType.PERCENT),
            new Column("seats", ValueType.INTEGER),
            new Column("stage", ValueType.TEXT)),
        rows);
  }

  private static String names(List<String> candidates, List<Integer> positions) {
    return positions.stream().map(p -> name(candidates, p)).collect(Collectors.joining("; "));
  }

  private static String name(List<String> candidates, int position) {
    return position >= 1 && position <= candidates.size()
        ? candidates.get(position - 1)
        : "#" + position;
  }
}
