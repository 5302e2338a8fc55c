package org.tribune.ledger.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every SQL statement of the ledger, on a connection the caller owns (and whose transaction it
 * owns). Plain JDBC and portable SQL, so the same code runs in the server, in unit tests on
 * in-memory Derby and in the benchmark.
 *
 * <p><b>How appends stay one gap-free sequence.</b> An append first runs {@code UPDATE ledger_head
 * SET size = size + 1}, which takes the head row's write lock in the caller's transaction, then
 * reads the new size: the index is size - 1. Every appender, on any thread of any instance sharing
 * the database, queues on that lock, so indices are handed out one at a time; the lock is held
 * until the caller commits or rolls back, and a rollback also rolls back the size, so the next
 * appender gets the same index. The leaf row, the new subtree rows and the size commit or vanish
 * together with the caller's own changes: after a crash a leaf exists exactly when its event does.
 *
 * <p><b>Deadlocks.</b> A transaction that holds the head lock and then waits for a lock another
 * appender holds could deadlock. Callers therefore append <em>last</em>, after their own writes:
 * then every transaction takes the head lock as its final lock, and no cycle can form. The lock is
 * also held only from the append to the commit, which keeps appenders from waiting long.
 */
public final class LedgerLog {

  private static final HexFormat HEX = HexFormat.of();
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

  private final Clock clock;

  public LedgerLog(Clock clock) {
    this.clock = clock;
  }

  /**
   * Appends one entry in the connection's current transaction and returns its index.
   *
   * @throws IllegalArgumentException if the type or fields break {@link LedgerEntryFormat}'s rules
   * @throws LeafTooLargeException if the leaf would be bigger than {@link
   *     LedgerEntryFormat#MAX_LEAF_BYTES}
   */
  public long append(Connection c, String type, Map<String, ?> fields) throws SQLException {
    LedgerEntryFormat.checkType(type);
    Map<String, Object> normalized = LedgerEntryFormat.normalize(fields);
    // Checked before the head lock is taken, with the largest seq and a full time, so that a
    // refused entry never holds up other appenders.
    int worstCase =
        LedgerEntryFormat.leaf(CanonicalJson.MAX_SAFE_INTEGER, type, Instant.EPOCH, normalized)
            .length;
    if (worstCase > LedgerEntryFormat.MAX_LEAF_BYTES) {
      throw new LeafTooLargeException(worstCase, LedgerEntryFormat.MAX_LEAF_BYTES);
    }

    long index = takeNextIndex(c);
    Instant at = clock.instant();
    byte[] leaf = LedgerEntryFormat.leaf(index, type, at, normalized);
    byte[] leafHash = MerkleTree.leafHash(leaf);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO ledger_leaf (idx, leaf, leaf_hash, entry_type, department, state,"
                + " search_text, appended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, index);
      s.setString(2, BASE64.encodeToString(leaf));
      s.setString(3, HEX.formatHex(leafHash));
      s.setString(4, type);
      setNullable(s, 5, LedgerEntryFormat.topLevelString(normalized, "department", 200));
      setNullable(s, 6, LedgerEntryFormat.topLevelString(normalized, "state", 100));
      s.setString(7, LedgerEntryFormat.searchText(type, normalized));
      s.setTimestamp(8, Timestamp.from(at));
      s.executeUpdate();
    }

    // Subtrees are computed from what this transaction sees: the committed leaves before this one
    // (their appenders committed before we got the head lock) and the new leaf itself.
    MerkleTree tree =
        new MerkleTree(i -> i == index ? leafHash : leafHash(c, i), (h, i) -> subtree(c, h, i));
    List<CompleteSubtree> completed = tree.subtreesCompletedBy(index);
    if (!completed.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO ledger_subtree (height, idx, hash) VALUES (?, ?, ?)")) {
        for (CompleteSubtree subtree : completed) {
          s.setInt(1, subtree.level());
          s.setLong(2, subtree.index());
          s.setString(3, HEX.formatHex(subtree.hash()));
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    return index;
  }

  /** The number of committed leaves (as this connection's transaction sees it). */
  public long size(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT size FROM ledger_head WHERE id = 1");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The tree over this connection's view of the log, reading stored subtrees through a cache. */
  public MerkleTree tree(Connection c, SubtreeCache cache) {
    return new MerkleTree(i -> leafHash(c, i), (h, i) -> cache.find(h, i, () -> subtree(c, h, i)));
  }

  /** Leaves {@code start} (inclusive) to {@code end} (exclusive), in index order. */
  public List<LedgerLeaf> leaves(Connection c, long start, long end) throws SQLException {
    List<LedgerLeaf> leaves = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT idx, leaf FROM ledger_leaf WHERE idx >= ? AND idx < ? ORDER BY idx")) {
      s.setLong(1, start);
      s.setLong(2, end);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          leaves.add(new LedgerLeaf(rs.getLong(1), BASE64_DECODER.decode(rs.getString(2))));
        }
      }
    }
    return leaves;
  }

  /**
   * Newest first, the leaves below {@code before} that match every given filter (null = any): entry
   * type, top-level department, top-level state, and text contained in the entry's strings.
   */
  public List<LedgerLeaf> search(
      Connection c,
      String type,
      String department,
      String state,
      String text,
      long before,
      int limit)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT idx, leaf FROM ledger_leaf WHERE idx < ?");
    List<String> params = new ArrayList<>();
    if (type != null) {
      sql.append(" AND entry_type = ?");
      params.add(type);
    }
    if (department != null) {
      sql.append(" AND department = ?");
      params.add(department);
    }
    if (state != null) {
      sql.append(" AND state = ?");
      params.add(state);
    }
    if (text != null) {
      sql.append(" AND search_text LIKE ? ESCAPE '!'");
      params.add("%" + escapeLike(text.toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    sql.append(" ORDER BY idx DESC");
    List<LedgerLeaf> leaves = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      s.setMaxRows(limit);
      s.setLong(1, before);
      for (int i = 0; i < params.size(); i++) {
        s.setString(i + 2, params.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next() && leaves.size() < limit) {
          leaves.add(new LedgerLeaf(rs.getLong(1), BASE64_DECODER.decode(rs.getString(2))));
        }
      }
    }
    return leaves;
  }

  /** The distinct values of a browsing column (entry_type, department or state), sorted. */
  public List<String> distinct(Connection c, Facet facet) throws SQLException {
    String column = facet.column;
    List<String> values = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT DISTINCT "
                    + column
                    + " FROM ledger_leaf WHERE "
                    + column
                    + " IS NOT NULL ORDER BY "
                    + column);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** The columns the portal filters by. */
  public enum Facet {
    TYPE("entry_type"),
    DEPARTMENT("department"),
    STATE("state");

    private final String column;

    Facet(String column) {
      this.column = column;
    }
  }

  /** The verifier key recorded with the log, if any instance has recorded one yet. */
  public Optional<String> recordedVerifierKey(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT verifier_key FROM ledger_head WHERE id = 1");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return Optional.ofNullable(rs.getString(1));
    }
  }

  /**
   * Records {@code verifierKey} as the log's key unless one is recorded already; returns the key
   * the log has now, which differs from the argument when another key was there first.
   */
  public String recordVerifierKey(Connection c, String verifierKey) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE ledger_head SET verifier_key = ? WHERE id = 1 AND verifier_key IS NULL")) {
      s.setString(1, verifierKey);
      s.executeUpdate();
    }
    return recordedVerifierKey(c).orElseThrow();
  }

  private long takeNextIndex(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE ledger_head SET size = size + 1 WHERE id = 1")) {
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException("the ledger_head row is missing; was V7 applied?");
      }
    }
    return size(c) - 1;
  }

  private static byte[] leafHash(Connection c, long index) {
    try (PreparedStatement s =
        c.prepareStatement("SELECT leaf_hash FROM ledger_leaf WHERE idx = ?")) {
      s.setLong(1, index);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("ledger leaf " + index + " is missing");
        }
        return HEX.parseHex(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new LedgerStorageException(e);
    }
  }

  private static byte[] subtree(Connection c, int height, long index) {
    try (PreparedStatement s =
        c.prepareStatement("SELECT hash FROM ledger_subtree WHERE height = ? AND idx = ?")) {
      s.setInt(1, height);
      s.setLong(2, index);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? HEX.parseHex(rs.getString(1)) : null;
      }
    } catch (SQLException e) {
      throw new LedgerStorageException(e);
    }
  }

  private static void setNullable(PreparedStatement s, int column, String value)
      throws SQLException {
    if (value == null) {
      s.setNull(column, Types.VARCHAR);
    } else {
      s.setString(column, value);
    }
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
