package org.tribune.bench;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The benchmark's database: an embedded Derby directory (the default) or, when the argument is a
 * PostgreSQL JDBC URL, that database with TRIBUNE_DB_USER and TRIBUNE_DB_PASSWORD from the
 * environment (ci/bench.sh with DB_KIND=postgresql).
 */
final class BenchDatabase {

  private BenchDatabase() {}

  static DataSource open(String where) {
    if (where.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(where);
      pg.setUser(System.getenv().getOrDefault("TRIBUNE_DB_USER", "tribune"));
      pg.setPassword(System.getenv().getOrDefault("TRIBUNE_DB_PASSWORD", ""));
      pg.setReWriteBatchedInserts(true);
      return pg;
    }
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(where + "/tribune");
    derby.setCreateDatabase("create");
    return derby;
  }

  /** Shuts an embedded Derby down cleanly; nothing to do for PostgreSQL. */
  static void close(String where) {
    if (where.startsWith("jdbc:")) {
      return;
    }
    try {
      EmbeddedDataSource shutdown = new EmbeddedDataSource();
      shutdown.setDatabaseName(where + "/tribune");
      shutdown.setShutdownDatabase("shutdown");
      shutdown.getConnection().close();
    } catch (SQLException expected) {
      // Derby reports a clean shutdown as an exception.
    }
  }
}
