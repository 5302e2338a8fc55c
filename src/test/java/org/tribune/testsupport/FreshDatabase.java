package org.tribune.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Empties a PostgreSQL database before a test run: drops the {@code public} schema with everything
 * in it and creates it again, so the server's migrations start from nothing. Run by the {@code
 * it-postgresql} Maven profile and by {@code ci/multi-instance.sh}.
 *
 * <pre>java org.tribune.testsupport.FreshDatabase jdbc:postgresql://host:port/db user password
 * </pre>
 */
public final class FreshDatabase {

  private FreshDatabase() {}

  public static void main(String[] args) throws SQLException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: FreshDatabase <jdbc-url> <user> <password>");
    }
    empty(args[0], args[1], args[2]);
    System.out.println("Emptied " + args[0]);
  }

  public static void empty(String url, String user, String password) throws SQLException {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("Only a PostgreSQL database is emptied this way: " + url);
    }
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }
}
