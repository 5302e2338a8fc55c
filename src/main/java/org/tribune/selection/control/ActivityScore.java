package org.tribune.selection.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * How active a member has been, from what the community already records: within the round's window,
 * {@value #IDEA} points per idea submitted, {@value #COMMENT} per comment written and {@value
 * #VOTE} per idea vote cast (refunded votes included: the member did take part). Ideas hidden by
 * moderation do not count. The weights favour contributions over clicks, and the score is copied
 * onto the nomination when it is made, so the cap rule compares like with like.
 */
public final class ActivityScore {

  public static final int IDEA = 3;
  public static final int COMMENT = 2;
  public static final int VOTE = 1;

  private ActivityScore() {}

  public static int of(Connection c, long memberId, Instant since) throws SQLException {
    Timestamp from = Timestamp.from(since);
    long ideas =
        count(
            c,
            "SELECT COUNT(*) FROM idea WHERE author_id = ? AND created_at >= ?"
                + " AND hidden = FALSE",
            memberId,
            from);
    long comments =
        count(
            c,
            "SELECT COUNT(*) FROM idea_comment WHERE author_id = ? AND created_at >= ?",
            memberId,
            from);
    long votes =
        count(
            c,
            "SELECT COUNT(*) FROM idea_vote WHERE member_id = ? AND cast_at >= ?",
            memberId,
            from);
    return (int) Math.min(Integer.MAX_VALUE, IDEA * ideas + COMMENT * comments + VOTE * votes);
  }

  private static long count(Connection c, String sql, long memberId, Timestamp from)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, memberId);
      s.setTimestamp(2, from);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
