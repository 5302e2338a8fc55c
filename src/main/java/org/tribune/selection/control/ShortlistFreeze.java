package org.tribune.selection.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the shortlist from the endorsement counts once endorsement has closed: the {@code
 * shortlistSize} standing nominees with the most endorsements (all of them when the size is 0); on
 * equal counts the earlier acceptance goes through, then the lower nomination number. The chosen
 * nominees get ballot positions 1, 2, … in nomination order, which are the candidate numbers of the
 * round's {@code .blt} file.
 *
 * <p>It runs lazily, whoever first needs the shortlist after endorsement closed (the round page,
 * the ballot, the count); the guarded update of {@code shortlist_frozen} makes exactly one
 * transaction draw it, and the endorsement writer's guard on the same row makes sure no endorsement
 * lands afterwards. Since the counts cannot change after the close, the result does not depend on
 * who draws it or when.
 */
public final class ShortlistFreeze {

  private ShortlistFreeze() {}

  /** Who goes through, from the standing nominees in endorsement order (most endorsed first). */
  @FunctionalInterface
  public interface Chooser {
    List<Long> choose(Connection c, List<Long> standing) throws SQLException;
  }

  /** The {@code shortlistSize} most endorsed (everyone when 0). */
  public static Chooser byEndorsements(int shortlistSize) {
    return (c, standing) ->
        shortlistSize == 0 || standing.size() <= shortlistSize
            ? standing
            : standing.subList(0, shortlistSize);
  }

  /** Draws the shortlist if endorsement has closed and it is not drawn yet; true if it drew it. */
  public static boolean freezeIfDue(Connection c, long roundId, int shortlistSize, Instant now)
      throws SQLException {
    return freezeIfDue(c, roundId, now, byEndorsements(shortlistSize));
  }

  /** As above, with the shortlist chosen by {@code chooser}. */
  public static boolean freezeIfDue(Connection c, long roundId, Instant now, Chooser chooser)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE selection_round SET shortlist_frozen = TRUE WHERE id = ?"
                + " AND shortlist_frozen = FALSE AND endorsement_closes_at <= ?"
                + " AND cancelled_at IS NULL")) {
      s.setLong(1, roundId);
      s.setTimestamp(2, Timestamp.from(now));
      if (s.executeUpdate() == 0) {
        return false;
      }
    }
    List<Long> standing = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id FROM selection_nomination WHERE round_id = ? AND status = 'ACCEPTED'"
                + " ORDER BY endorsements DESC, accepted_at ASC, id ASC")) {
      s.setLong(1, roundId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          standing.add(rs.getLong(1));
        }
      }
    }
    List<Long> chosen = new ArrayList<>(chooser.choose(c, List.copyOf(standing)));
    chosen.sort(null);
    try (PreparedStatement s =
        c.prepareStatement("UPDATE selection_nomination SET ballot_position = ? WHERE id = ?")) {
      int position = 1;
      for (long id : chosen) {
        s.setInt(1, position++);
        s.setLong(2, id);
        s.addBatch();
      }
      if (!chosen.isEmpty()) {
        s.executeBatch();
      }
    }
    return true;
  }
}
