package org.tribune.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.tribune.platform.control.SchemaMigrations;

/**
 * A fresh in-memory Derby with the real migrations applied, for tests of SQL that need no
 * container. Each instance is its own database.
 */
public final class MemoryDatabase {

  private final EmbeddedDataSource dataSource = new EmbeddedDataSource();

  public MemoryDatabase() {
    dataSource.setDatabaseName("memory:test-" + UUID.randomUUID());
    dataSource.setCreateDatabase("create");
    SchemaMigrations.migrate(dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Inserts a member row with plausible attributes and returns its id. */
  public long member(String email) throws SQLException {
    try (Connection c = connection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO member (email, display_name, locale, member_type, joined_on,"
                    + " created_at) VALUES (?, ?, 'en', 'enthusiast', CURRENT_DATE, ?)",
                new String[] {"ID"})) {
      s.setString(1, email);
      s.setString(2, email.substring(0, email.indexOf('@')));
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.executeUpdate();
      try (var keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Inserts an open idea with its zero tally and returns its id. */
  public long idea(long authorId, String title) throws SQLException {
    try (Connection c = connection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO idea (title, body, search_text, author_id, status, hidden,"
                    + " created_at, updated_at, version) VALUES (?, ?, ?, ?, 'open', FALSE, ?, ?, 1)",
                new String[] {"ID"})) {
      Timestamp now = Timestamp.from(Instant.now());
      s.setString(1, title);
      s.setString(2, title + " body text");
      s.setString(3, title.toLowerCase());
      s.setLong(4, authorId);
      s.setTimestamp(5, now);
      s.setTimestamp(6, now);
      s.executeUpdate();
      long id;
      try (var keys = s.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
      org.tribune.voting.control.IdeaVoteStore.openTally(c, id);
      return id;
    }
  }

  public void close() {
    try {
      dataSource.setDatabaseName(dataSource.getDatabaseName());
      EmbeddedDataSource drop = new EmbeddedDataSource();
      drop.setDatabaseName(dataSource.getDatabaseName());
      drop.setConnectionAttributes("drop=true");
      drop.getConnection().close();
    } catch (SQLException expected) {
      // Derby reports a successful drop as an SQLException (08006).
    }
  }
}
