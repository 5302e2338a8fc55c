package org.tribune.selection.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Rounds and nominations written straight to a test database, for the writers' tests. */
final class SelectionRows {

  private final DataSource dataSource;

  SelectionRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A round whose phases start at the four given instants. */
  long round(
      long manager,
      String method,
      Instant nominationOpens,
      Instant nominationCloses,
      Instant endorsementCloses,
      Instant votingCloses)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO selection_round (title, description, method, seats, shortlist_size,"
                    + " nomination_opens_at, nomination_closes_at, endorsement_closes_at,"
                    + " voting_closes_at, min_account_days, min_activity, activity_window_days,"
                    + " nomination_cap, voter_min_account_days, term_days, recall_threshold,"
                    + " seed, seed_sha256, shortlist_frozen, endorsements_cast, ballots_cast,"
                    + " created_by, created_at, version) VALUES ('Test round', '', ?, 2, 0,"
                    + " ?, ?, ?, ?, 0, 0, 90, 0, 0, 365, 2, 'seed', ?, FALSE, 0, 0, ?, ?, 1)",
                new String[] {"ID"})) {
      s.setString(1, method);
      s.setTimestamp(2, Timestamp.from(nominationOpens));
      s.setTimestamp(3, Timestamp.from(nominationCloses));
      s.setTimestamp(4, Timestamp.from(endorsementCloses));
      s.setTimestamp(5, Timestamp.from(votingCloses));
      s.setString(6, "0".repeat(64));
      s.setLong(7, manager);
      s.setTimestamp(8, Timestamp.from(nominationOpens));
      s.executeUpdate();
      return key(s);
    }
  }

  long nomination(long round, long nominee, String status, long endorsements) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO selection_nomination (round_id, nominee_id, nominated_by, status,"
                    + " statement, member_type, activity, endorsements, created_at, accepted_at,"
                    + " version) VALUES (?, ?, ?, ?, '', 'casual', 0, ?, ?, ?, 1)",
                new String[] {"ID"})) {
      Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(nominee));
      s.setLong(1, round);
      s.setLong(2, nominee);
      s.setLong(3, nominee);
      s.setString(4, status);
      s.setLong(5, endorsements);
      s.setTimestamp(6, now);
      s.setTimestamp(7, now);
      s.executeUpdate();
      return key(s);
    }
  }

  long single(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long key(PreparedStatement s) throws SQLException {
    try (ResultSet keys = s.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
