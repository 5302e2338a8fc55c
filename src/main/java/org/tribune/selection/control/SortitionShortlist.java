package org.tribune.selection.control;

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
import java.util.logging.Logger;
import org.tribune.platform.entity.DomainException;

/**
 * The shortlist of a combined round ("sortition shortlist, then election"): when endorsement
 * closes, {@code shortlistSize} of the standing nominees are drawn by LEXIMIN, then the members
 * elect the seats from them by STV.
 *
 * <p>The round's quotas are about seats, not about the shortlist, so the shortlist draw keeps each
 * quota's <em>minimum</em> (capped at the volunteers who have the feature), which lets the election
 * meet it, and drops the maximum (it becomes the shortlist size): maxima apply to the seats. The
 * draw's seed is {@code <round seed>:shortlist}, so revealing it does not reveal the strong
 * tie-break seed of the count before the count; both are published at the count, when the round's
 * seed (committed by its SHA-256 at creation) is revealed. With no more standing nominees than the
 * shortlist size everyone goes through and nothing is drawn. Should the relaxed quotas still be
 * jointly infeasible, the shortlist falls back to the endorsement order, with a warning in the log.
 */
public final class SortitionShortlist implements ShortlistFreeze.Chooser {

  private static final Logger LOG = Logger.getLogger(SortitionShortlist.class.getName());

  private final long roundId;
  private final int shortlistSize;
  private final List<Quota> quotas;
  private final String seed;
  private final Instant now;

  public SortitionShortlist(
      long roundId, int shortlistSize, List<Quota> quotas, String roundSeed, Instant now) {
    this.roundId = roundId;
    this.shortlistSize = shortlistSize;
    this.quotas = List.copyOf(quotas);
    this.seed = seedFor(roundSeed);
    this.now = now;
  }

  public static String seedFor(String roundSeed) {
    return roundSeed + ":shortlist";
  }

  /** The quotas the shortlist is drawn with (see the class comment). */
  public static List<Quota> shortlistQuotas(
      List<Quota> quotas, List<RoundDraw.Volunteer> pool, int size) {
    List<Quota> out = new ArrayList<>();
    for (Quota q : quotas) {
      int available =
          (int) pool.stream().filter(v -> v.value(q.category()).equals(q.feature())).count();
      out.add(new Quota(q.category(), q.feature(), Math.min(q.min(), available), size));
    }
    return out;
  }

  @Override
  public List<Long> choose(Connection c, List<Long> standing) throws SQLException {
    if (shortlistSize == 0 || standing.size() <= shortlistSize) {
      return standing;
    }
    Map<Long, RoundDraw.Volunteer> byId = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, member_type, region, device_line FROM selection_nomination"
                + " WHERE round_id = ? AND status = 'ACCEPTED'")) {
      s.setLong(1, roundId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          byId.put(
              rs.getLong(1),
              new RoundDraw.Volunteer(
                  rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    List<RoundDraw.Volunteer> pool =
        standing.stream().sorted().map(byId::get).filter(v -> v != null).toList();
    RoundDraw.Files files =
        RoundDraw.files(pool, shortlistQuotas(quotas, pool, shortlistSize), shortlistSize);
    SortitionResult result;
    try {
      result = RoundDraw.draw(files, shortlistSize, seed);
    } catch (DomainException e) {
      LOG.warning(
          "Round "
              + roundId
              + ": the shortlist cannot be drawn by lot ("
              + e.getMessage()
              + "); it follows the endorsements");
      return ShortlistFreeze.byEndorsements(shortlistSize).choose(c, standing);
    }
    String json = RoundDraw.json(result).toString();
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO selection_draw (round_id, method, seed, categories_csv,"
                + " respondents_csv, result_json, result_sha256, drawn_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, roundId);
      s.setString(2, "leximin");
      s.setString(3, seed);
      s.setString(4, files.categoriesCsv());
      s.setString(5, files.respondentsCsv());
      s.setString(6, json);
      s.setString(7, BallotReceipt.sha256(json));
      s.setTimestamp(8, Timestamp.from(now));
      s.executeUpdate();
    }
    return result.panel().stream().map(Long::valueOf).toList();
  }
}
