package org.tribune.selection.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.selection.boundary.RoundViews.MemberRef;
import org.tribune.selection.control.BallotReceipt;
import org.tribune.selection.control.Quota;
import org.tribune.selection.control.RoundDraw;
import org.tribune.selection.control.SortitionResult;
import org.tribune.selection.entity.Nomination;
import org.tribune.selection.entity.NominationStatus;
import org.tribune.selection.entity.RoundPhase;
import org.tribune.selection.entity.RoundQuota;
import org.tribune.selection.entity.SelectionMethod;
import org.tribune.selection.entity.SelectionRound;

/**
 * Deciding a sortition round by lot, and publishing the draw.
 *
 * <p>The draw uses the round's seed, drawn at random when the round was created and committed to by
 * its SHA-256 ({@code seedSha256}, public from creation, before anyone could know the pool); the
 * seed itself is revealed with the result. The pool is the shortlist (every standing nominee when
 * the round has no shortlist size), written as {@code categories.csv} and {@code respondents.csv}
 * ({@link RoundDraw}); LEXIMIN computes the distribution over panels and the seed picks one. The
 * files, the seed and the exact result JSON are stored with the result's SHA-256, and the drawn
 * panel is seated as delegates, all in one transaction with the guarded stamp of {@code
 * counted_at}. A quota set the pool cannot meet is a 422 {@code sortition-infeasible} naming the
 * quota, and nothing is written.
 */
@ApplicationScoped
@Transactional
public class RoundDraws {

  private static final Logger LOG = Logger.getLogger(RoundDraws.class.getName());

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Inject RoundLifecycle rounds;
  @Inject RoundPublication publication;
  @Inject org.tribune.identity.boundary.AuditLog audit;

  /** A stored draw: the files, the seed and the exact published result. */
  public record StoredDraw(
      long roundId,
      String method,
      String seed,
      String categoriesCsv,
      String respondentsCsv,
      String resultJson,
      String resultSha256,
      Instant drawnAt) {}

  public JsonObject draw(MemberId manager, long roundId) {
    SelectionRound round = rounds.round(roundId);
    Instant now = rounds.now();
    RoundPhase phase = round.phase(now);
    if (phase != RoundPhase.COUNTING) {
      throw RoundLifecycle.closed(round, phase, "draw now (the draw follows the voting phase)");
    }
    if (round.selectionMethod() != SelectionMethod.SORTITION) {
      throw DomainException.conflict(
          "not-a-draw", "Not decided by lot", "Round " + roundId + " is not a sortition round.");
    }
    List<Nomination> pool;
    try (Connection c = dataSource.getConnection()) {
      RoundPublication.stampCounted(c, round, now);
      pool = pool(roundId);
      if (pool.size() < round.seats()) {
        throw DomainException.conflict(
                "pool-too-small",
                "Too few volunteers",
                "Round "
                    + roundId
                    + " has "
                    + pool.size()
                    + " eligible volunteers for "
                    + round.seats()
                    + " seats; cancel it or recruit more.")
            .with("volunteers", String.valueOf(pool.size()));
      }
      RoundDraw.Files files =
          RoundDraw.files(volunteers(pool), quotas(round.quotas()), round.seats());
      SortitionResult result = RoundDraw.draw(files, round.seats(), round.seed());
      String json = PanelsResource.json(result).toString();
      String sha = BallotReceipt.sha256(json);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO selection_draw (round_id, method, seed, categories_csv,"
                  + " respondents_csv, result_json, result_sha256, drawn_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setLong(1, roundId);
        s.setString(2, "leximin");
        s.setString(3, round.seed());
        s.setString(4, files.categoriesCsv());
        s.setString(5, files.respondentsCsv());
        s.setString(6, json);
        s.setString(7, sha);
        s.setTimestamp(8, Timestamp.from(now));
        s.executeUpdate();
      }
      List<Integer> chosen = new ArrayList<>();
      for (int i = 0; i < pool.size(); i++) {
        if (result.panel().contains(String.valueOf(pool.get(i).id()))) {
          chosen.add(i);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement("UPDATE selection_round SET winners = ? WHERE id = ?")) {
        s.setString(
            1,
            String.join(
                ",",
                chosen.stream()
                    .map(i -> String.valueOf(pool.get(i).ballotPosition().orElseThrow()))
                    .toList()));
        s.setLong(2, roundId);
        s.executeUpdate();
      }
      publication.seatDelegates(manager, round, pool, chosen, now);
      audit.record(
          manager,
          "selection.round.draw",
          "selection_round",
          Long.toString(roundId),
          phase.wireName(),
          "published; panel " + String.join(",", result.panel()) + "; result sha256 " + sha);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not draw round " + roundId, e);
    }
    em.flush();
    em.refresh(round);
    return view(roundId);
  }

  /** The standing nominees on the (frozen) shortlist, in ballot-position order. */
  private List<Nomination> pool(long roundId) {
    return em.createQuery(
            "SELECT n FROM Nomination n WHERE n.roundId = :r AND n.ballotPosition IS NOT NULL"
                + " AND n.status = :s ORDER BY n.ballotPosition",
            Nomination.class)
        .setParameter("r", roundId)
        .setParameter("s", NominationStatus.ACCEPTED)
        .getResultList();
  }

  static List<RoundDraw.Volunteer> volunteers(List<Nomination> pool) {
    return pool.stream()
        .map(n -> new RoundDraw.Volunteer(n.id(), n.memberType(), n.region(), n.deviceLine()))
        .toList();
  }

  static List<Quota> quotas(List<RoundQuota> quotas) {
    return quotas.stream()
        .map(q -> new Quota(q.category(), q.feature(), q.minSeats(), q.maxSeats()))
        .toList();
  }

  /** The files a draw of the round would use now (before the draw) or used (after it). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public RoundDraw.Files files(long roundId) {
    Optional<StoredDraw> stored = stored(roundId);
    if (stored.isPresent()) {
      return new RoundDraw.Files(stored.get().categoriesCsv(), stored.get().respondentsCsv());
    }
    SelectionRound round = rounds.round(roundId);
    RoundViews.Pool pool = rounds.pool(roundId);
    List<RoundDraw.Volunteer> volunteers =
        pool.volunteers().stream()
            .map(
                m ->
                    new RoundDraw.Volunteer(
                        m.nominationId(), m.memberType(), m.region(), m.deviceLine()))
            .toList();
    return RoundDraw.files(volunteers, quotas(round.quotas()), round.seats());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<StoredDraw> stored(long roundId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT method, seed, categories_csv, respondents_csv, result_json,"
                    + " result_sha256, drawn_at FROM selection_draw WHERE round_id = ?")) {
      s.setLong(1, roundId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredDraw(
                roundId,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored draw, checked against its recorded SHA-256. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public StoredDraw published(long roundId) {
    SelectionRound round = rounds.round(roundId);
    Optional<StoredDraw> found =
        round.countedAt().isPresent() ? stored(roundId) : Optional.<StoredDraw>empty();
    StoredDraw draw =
        found.orElseThrow(
            () ->
                DomainException.conflict(
                        "not-published",
                        "Not drawn",
                        "Round " + roundId + " has no published draw.")
                    .with("phase", round.phase(rounds.now()).wireName()));
    if (!BallotReceipt.sha256(draw.resultJson()).equals(draw.resultSha256())) {
      LOG.severe("The stored draw of round " + roundId + " no longer hashes to its SHA-256");
      throw new DomainException(
          DomainException.Kind.UNAVAILABLE,
          "publication-mismatch",
          "Publication mismatch",
          "The stored draw of round " + roundId + " does not match its published SHA-256.");
    }
    return draw;
  }

  /**
   * The published draw for people: every volunteer with their probability and whether drawn, the
   * panel in ballot-position order, how the panel meets each quota, the seed, the files' SHA-256s
   * and the exact result.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public JsonObject view(long roundId) {
    StoredDraw draw = published(roundId);
    SelectionRound round = rounds.round(roundId);
    JsonObject result;
    try (JsonReader reader = Json.createReader(new StringReader(draw.resultJson()))) {
      result = reader.readObject();
    }
    JsonObject probabilities = result.getJsonObject("probabilities");
    List<String> panel =
        result.getJsonArray("panel").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList();
    List<Nomination> all =
        em.createQuery(
                "SELECT n FROM Nomination n WHERE n.roundId = :r ORDER BY n.id", Nomination.class)
            .setParameter("r", roundId)
            .getResultList();
    Map<Long, MemberRef> refs = new HashMap<>();
    JsonArrayBuilder volunteers = Json.createArrayBuilder();
    JsonArrayBuilder seated = Json.createArrayBuilder();
    List<Nomination> chosen = new ArrayList<>();
    int order = 1;
    for (Nomination n : all) {
      String id = String.valueOf(n.id());
      if (!probabilities.containsKey(id)) {
        continue;
      }
      MemberRef member = rounds.ref(refs, n.nominee());
      boolean selected = panel.contains(id);
      volunteers.add(
          Json.createObjectBuilder()
              .add("nominationId", n.id())
              .add("member", member(member))
              .add("memberType", n.memberType())
              .add("region", orNone(n.region()))
              .add("deviceLine", orNone(n.deviceLine()))
              .add("probability", probabilities.getJsonNumber(id).doubleValue())
              .add("selected", selected));
      if (selected) {
        chosen.add(n);
        seated.add(
            Json.createObjectBuilder()
                .add("order", order++)
                .add("nominationId", n.id())
                .add("member", member(member)));
      }
    }
    JsonArrayBuilder checks = Json.createArrayBuilder();
    for (ResultViews.QuotaCheck q : RoundPublication.quotaCheck(round, chosen)) {
      checks.add(
          Json.createObjectBuilder()
              .add("category", q.category())
              .add("feature", q.feature())
              .add("min", q.min())
              .add("max", q.max())
              .add("seats", q.seats())
              .add("met", q.met()));
    }
    return Json.createObjectBuilder()
        .add("roundId", roundId)
        .add("title", round.title())
        .add("seats", round.seats())
        .add("roundMethod", round.selectionMethod().wireName())
        .add("size", result.getInt("size"))
        .add("method", draw.method())
        .add("drawnAt", draw.drawnAt().toString())
        .add("seed", draw.seed())
        .add("seedSha256", round.seedSha256())
        .add("resultSha256", draw.resultSha256())
        .add("categoriesSha256", BallotReceipt.sha256(draw.categoriesCsv()))
        .add("respondentsSha256", BallotReceipt.sha256(draw.respondentsCsv()))
        .add("minimum", result.getJsonNumber("minimum").doubleValue())
        .add("draw", result.getJsonNumber("draw").longValue())
        .add("volunteers", volunteers)
        .add("panel", seated)
        .add("quotaCheck", checks)
        .add("panels", result.getJsonArray("panels"))
        .build();
  }

  private static JsonObject member(MemberRef m) {
    return Json.createObjectBuilder().add("id", m.id()).add("displayName", m.displayName()).build();
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? RoundDraw.NONE : value;
  }
}
