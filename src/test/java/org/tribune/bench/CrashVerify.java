package org.tribune.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * After a crash test: every vote the server acknowledged is stored exactly once, nothing is stored
 * twice, and every tally equals a GROUP BY over the stored votes. Exits non-zero on any violation.
 *
 * <p>Usage: {@code CrashVerify <derby-dir> <acks-file>}
 */
public final class CrashVerify {

  private CrashVerify() {}

  public static void main(String[] args) throws SQLException, IOException {
    EmbeddedDataSource dataSource = new EmbeddedDataSource();
    dataSource.setDatabaseName(args[0] + "/tribune");
    List<String> lines = Files.readAllLines(Path.of(args[1]));
    long acked = 0;
    long missing = 0;
    long duplicatesAnswered = 0;
    long unknown = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement find =
            c.prepareStatement(
                "SELECT COUNT(*) FROM idea_vote WHERE member_id = ? AND idea_id = ?")) {
      for (String line : lines) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 3) {
          continue;
        }
        boolean mustExist = parts[0].equals("ACK") || parts[0].equals("DUP");
        if (parts[0].equals("ACK")) {
          acked++;
        } else if (parts[0].equals("DUP")) {
          duplicatesAnswered++;
        } else {
          unknown++;
        }
        if (mustExist) {
          find.setLong(1, Long.parseLong(parts[1]));
          find.setLong(2, Long.parseLong(parts[2]));
          try (ResultSet rs = find.executeQuery()) {
            rs.next();
            if (rs.getLong(1) != 1) {
              missing++;
              System.out.println("LOST: " + line);
            }
          }
        }
      }
      long doubled =
          one(
              c,
              "SELECT COUNT(*) FROM (SELECT member_id, idea_id FROM idea_vote GROUP BY member_id,"
                  + " idea_id HAVING COUNT(*) > 1) x");
      long wrongTallies =
          one(
              c,
              "SELECT COUNT(*) FROM idea_tally t WHERE t.votes <> (SELECT COUNT(*) FROM idea_vote v"
                  + " WHERE v.idea_id = t.idea_id)");
      long wrongSpend =
          one(
              c,
              "SELECT COUNT(*) FROM vote_spend s WHERE s.used <> (SELECT COUNT(*) FROM idea_vote v"
                  + " WHERE v.member_id = s.member_id AND v.charged_week = s.week"
                  + " AND v.refunded = FALSE)");
      long stored = one(c, "SELECT COUNT(*) FROM idea_vote");
      System.out.printf(
          "acknowledged %d, answered duplicate %d, unknown at the crash %d; stored votes %d;"
              + " acknowledged but missing %d; stored twice %d; tallies off %d; budgets off %d%n",
          acked, duplicatesAnswered, unknown, stored, missing, doubled, wrongTallies, wrongSpend);
      if (missing != 0 || doubled != 0 || wrongTallies != 0 || wrongSpend != 0 || acked == 0) {
        System.out.println("CRASH VERIFY FAILED");
        System.exit(1);
      }
      System.out.println("CRASH VERIFY OK");
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
