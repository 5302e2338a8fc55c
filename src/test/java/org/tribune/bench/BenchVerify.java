package org.tribune.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Checks a benchmark database after the server stopped: every tally equals a GROUP BY over the
 * stored votes, and nobody voted twice or over budget. Exits non-zero on any mismatch.
 *
 * <p>Usage: {@code BenchVerify <derby-dir> <weekly-budget>}
 */
public final class BenchVerify {

  private BenchVerify() {}

  public static void main(String[] args) throws SQLException {
    EmbeddedDataSource dataSource = new EmbeddedDataSource();
    dataSource.setDatabaseName(args[0] + "/tribune");
    int budget = Integer.parseInt(args[1]);
    try (Connection c = dataSource.getConnection()) {
      long votes = one(c, "SELECT COUNT(*) FROM idea_vote");
      long tallied = one(c, "SELECT COALESCE(SUM(votes), 0) FROM idea_tally");
      long wrongTallies =
          one(
              c,
              "SELECT COUNT(*) FROM idea_tally t WHERE t.votes <> (SELECT COUNT(*) FROM idea_vote v"
                  + " WHERE v.idea_id = t.idea_id)");
      long overBudget =
          one(
              c,
              "SELECT COUNT(*) FROM (SELECT member_id, charged_week FROM idea_vote WHERE refunded ="
                  + " FALSE GROUP BY member_id, charged_week HAVING COUNT(*) > "
                  + budget
                  + ") x");
      long wrongSpend =
          one(
              c,
              "SELECT COUNT(*) FROM vote_spend s WHERE s.used <> (SELECT COUNT(*) FROM idea_vote v"
                  + " WHERE v.member_id = s.member_id AND v.charged_week = s.week"
                  + " AND v.refunded = FALSE)");
      long voters = one(c, "SELECT COUNT(DISTINCT member_id) FROM idea_vote");
      System.out.printf(
          "stored votes %d, voters %d, sum of tallies %d, tallies differing from GROUP BY %d,"
              + " member-weeks over budget %d, spending rows differing from GROUP BY %d%n",
          votes, voters, tallied, wrongTallies, overBudget, wrongSpend);
      if (votes != tallied || wrongTallies != 0 || overBudget != 0 || wrongSpend != 0) {
        System.out.println("VERIFY FAILED");
        System.exit(1);
      }
      System.out.println("VERIFY OK");
    }
  }

  private static long one(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
