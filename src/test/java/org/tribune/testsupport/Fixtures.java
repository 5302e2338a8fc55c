package org.tribune.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.tribune.voting.control.IdeaVoteStore;

/**
 * Rows that tests need as a starting point, written straight to the database (in-memory Derby in
 * unit tests, the server's data source in in-container tests). Emails are unique per call.
 */
public final class Fixtures {

  private final DataSource dataSource;

  public Fixtures(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts a member row with plausible attributes and returns its id. */
  public long member(String name) throws SQLException {
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO member (email, display_name, locale, member_type, joined_on,"
                    + " created_at) VALUES (?, ?, 'en', 'enthusiast', CURRENT_DATE, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, email);
      s.setString(2, name);
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Inserts an open idea with its zero tally and returns its id. */
  public long idea(long authorId, String title) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO idea (title, body, search_text, author_id, status, hidden,"
                    + " created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, 'open', FALSE, ?, ?, 1)",
                Statement.RETURN_GENERATED_KEYS)) {
      Timestamp now = Timestamp.from(Instant.now());
      s.setString(1, title);
      s.setString(2, title + " body text");
      s.setString(3, title.toLowerCase());
      s.setLong(4, authorId);
      s.setTimestamp(5, now);
      s.setTimestamp(6, now);
      s.executeUpdate();
      long id;
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
      IdeaVoteStore.openTally(c, id);
      return id;
    }
  }

  public long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
