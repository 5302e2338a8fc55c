package org.tribune.ledger.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.tribune.ledger.control.LedgerEntryFormat;
import org.tribune.ledger.control.LedgerLog;

/**
 * The one way into the response ledger: other components append their public events here, inside
 * their own transaction, and the leaf commits or rolls back with it.
 *
 * <p>Usage, from a {@code @Transactional} facade, <b>after</b> the facade's own writes (see {@link
 * LedgerLog} on why appending last keeps appenders free of deadlocks):
 *
 * <pre>{@code
 * long seq = ledger.append("inquiry.submitted", Map.of(
 *     "inquiry", "Q-2027-014", "department", "camera", "state", "submitted", "heading", heading));
 * }</pre>
 *
 * <p>Rules ({@link LedgerEntryFormat}): the type is lower-case words joined by '.', '-' or '_'; the
 * fields must not use {@code seq}, {@code type} or {@code at}; values are strings, booleans,
 * integers (|n| &lt; 2<sup>53</sup>), null, maps and lists of those, plus {@code Instant}, {@code
 * LocalDate}, {@code UUID} and enums, which become strings. No fractions. A leaf has at most {@link
 * LedgerEntryFormat#MAX_LEAF_BYTES} bytes. Top-level string fields named {@code department} and
 * {@code state} become filters on the public ledger page. Everything appended is public forever:
 * never put private data (emails, internal notes) in an entry.
 */
@ApplicationScoped
public class ResponseLedger {

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  private final LedgerLog log = new LedgerLog(Clock.systemUTC());

  /**
   * Appends one public event as a leaf inside the caller's JTA transaction (joins it; requires
   * one). The leaf is the RFC 8785 canonical JSON of the fields plus "seq" (the leaf index), "type"
   * and "at" (ISO-8601 UTC). Returns the leaf index. Commits or rolls back with the caller.
   *
   * @throws IllegalArgumentException if the type or fields break the rules above (a bug in the
   *     caller; nothing is written)
   * @throws org.tribune.ledger.control.LeafTooLargeException if the leaf would be too large (413)
   * @throws jakarta.transaction.TransactionalException if called outside a transaction
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long append(String type, Map<String, Object> fields) {
    // Within a JTA transaction the data source hands out the transaction's shared connection,
    // so this JDBC work and the caller's JPA work commit as one.
    try (Connection c = dataSource.getConnection()) {
      return log.append(c, type, fields);
    } catch (SQLException e) {
      throw new IllegalStateException("appending to the ledger failed: " + e.getMessage(), e);
    }
  }
}
