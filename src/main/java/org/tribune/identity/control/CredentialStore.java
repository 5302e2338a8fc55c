package org.tribune.identity.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tribune.identity.entity.MemberId;

/**
 * The two reads behind authentication, in plain JDBC: one indexed query each, joining the member's
 * roles. They run on a cache miss of every request's hot path (every first request of a member in a
 * flash crowd), where a JPA query with its entity manager, persistence context and local
 * transaction cost several times the query itself.
 */
public final class CredentialStore {

  private CredentialStore() {}

  /** A live API token's caller, with the last time it was stamped as used. */
  public record TokenCaller(Caller caller, Instant lastUsedAt) {}

  public static Optional<TokenCaller> apiToken(Connection c, String hash) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT t.id, t.member_id, t.last_used_at, r.role_name FROM api_token t"
                + " LEFT JOIN member_role r ON r.member_id = t.member_id"
                + " WHERE t.token_hash = ? AND t.revoked_at IS NULL")) {
      s.setString(1, hash);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long tokenId = rs.getLong(1);
        MemberId member = new MemberId(rs.getLong(2));
        Instant lastUsed = instant(rs.getTimestamp(3));
        Set<String> roles = roles(rs, 4);
        return Optional.of(
            new TokenCaller(new Caller(member, roles, null, tokenId, null), lastUsed));
      }
    }
  }

  /** A live session's caller at {@code now}. */
  public static Optional<Caller> session(Connection c, String hash, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT a.member_id, a.csrf_token, a.expires_at, r.role_name FROM auth_session a"
                + " LEFT JOIN member_role r ON r.member_id = a.member_id"
                + " WHERE a.id = ? AND a.revoked_at IS NULL AND a.expires_at > ?")) {
      s.setString(1, hash);
      s.setTimestamp(2, Timestamp.from(now));
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        MemberId member = new MemberId(rs.getLong(1));
        String csrf = rs.getString(2);
        Instant expires = instant(rs.getTimestamp(3));
        return Optional.of(new Caller(member, roles(rs, 4), csrf, null, expires));
      }
    }
  }

  /**
   * Writes tokens' last-used times in one batch; a row another instance stamped after {@code
   * cutoff} is left alone.
   */
  public static void stampLastUsed(Connection c, Map<Long, Instant> uses, Instant cutoff)
      throws SQLException {
    if (uses.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE api_token SET last_used_at = ? WHERE id = ?"
                + " AND (last_used_at IS NULL OR last_used_at < ?)")) {
      for (Map.Entry<Long, Instant> use : List.copyOf(uses.entrySet())) {
        s.setTimestamp(1, Timestamp.from(use.getValue()));
        s.setLong(2, use.getKey());
        s.setTimestamp(3, Timestamp.from(cutoff));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The roles of the current row and the following ones (the cursor is on the first row). */
  private static Set<String> roles(ResultSet rs, int column) throws SQLException {
    Set<String> roles = new HashSet<>();
    do {
      String role = rs.getString(column);
      if (role != null) {
        roles.add(role);
      }
    } while (rs.next());
    return roles;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
