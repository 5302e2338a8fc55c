package org.tribune.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
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

  public Fixtures fixtures() {
    return new Fixtures(dataSource);
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
