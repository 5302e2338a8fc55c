package org.tribune.ledger.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.tribune.ledger.control.Checkpoint;
import org.tribune.ledger.control.LedgerLeaf;
import org.tribune.ledger.control.LedgerLog;
import org.tribune.ledger.control.LedgerLog.Facet;
import org.tribune.ledger.control.LedgerStorageException;
import org.tribune.ledger.control.SubtreeCache;
import org.tribune.platform.entity.DomainException;

/**
 * Everything anyone may read from the ledger: signed checkpoints, entries, both proofs, the full
 * download, and search for the portal. Reads see only committed leaves, and sizes are checked
 * against the committed size first, so a proof is never computed over a leaf an uncommitted append
 * might still take back.
 */
@ApplicationScoped
public class PublicLedger {

  /** The most entries one page of {@code /entries} or {@code /search} returns. */
  public static final int MAX_PAGE = 256;

  private static final int DOWNLOAD_CHUNK = 1000;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Inject LedgerKey key;

  private final LedgerLog log = new LedgerLog(Clock.systemUTC());
  // Heights 4 and up: one entry per 16 leaves at most, which keeps a million-leaf log in about
  // 5 MB and still serves every upper node of every proof from memory.
  private final SubtreeCache subtrees = new SubtreeCache(200_000, 4);
  private final AtomicReference<SignedCheckpoint> latest = new AtomicReference<>();

  /** A signed checkpoint note and the tree head in it. */
  public record SignedCheckpoint(Checkpoint checkpoint, String note) {}

  /** The current tree head, signed (re-signed only when the size has changed). */
  public SignedCheckpoint checkpoint() {
    return read(
        c -> {
          long size = log.size(c);
          SignedCheckpoint cached = latest.get();
          if (cached != null && cached.checkpoint().size() == size) {
            return cached;
          }
          Checkpoint head =
              new Checkpoint(key.signer().name(), size, log.tree(c, subtrees).root(size));
          SignedCheckpoint signed = new SignedCheckpoint(head, head.signWith(key.signer()));
          latest.accumulateAndGet(
              signed,
              (old, fresh) ->
                  old == null || old.checkpoint().size() < fresh.checkpoint().size() ? fresh : old);
          return signed;
        });
  }

  public String verifierKey() {
    return key.verifier().verifierKey();
  }

  /** Entries {@code start} to {@code end} (exclusive), at most {@link #MAX_PAGE}. */
  public List<LedgerLeaf> entries(long start, long end) {
    if (start < 0) {
      throw DomainException.invalid("start", "must be 0 or more");
    }
    if (end <= start) {
      throw DomainException.invalid("end", "must be greater than start");
    }
    return read(c -> log.leaves(c, start, Math.min(end, start + MAX_PAGE)));
  }

  /** The RFC 9162 inclusion proof of leaf {@code index} in the tree of {@code size} leaves. */
  public List<byte[]> inclusionProof(long index, long size) {
    if (size < 1) {
      throw DomainException.invalid("size", "must be 1 or more");
    }
    if (index < 0 || index >= size) {
      throw DomainException.invalid("index", "must be at least 0 and less than size");
    }
    return read(
        c -> {
          requireAtMostSize(c, "size", size);
          return log.tree(c, subtrees).inclusionProof(index, size);
        });
  }

  /** The RFC 9162 consistency proof from the tree of {@code from} leaves to that of {@code to}. */
  public List<byte[]> consistencyProof(long from, long to) {
    if (from < 1) {
      throw DomainException.invalid("from", "must be 1 or more");
    }
    if (to < from) {
      throw DomainException.invalid("to", "must be at least from");
    }
    return read(
        c -> {
          requireAtMostSize(c, "to", to);
          return log.tree(c, subtrees).consistencyProof(from, to);
        });
  }

  /** The root of the tree of {@code size} leaves, for tools that check older checkpoints. */
  public byte[] root(long size) {
    if (size < 0) {
      throw DomainException.invalid("size", "must be 0 or more");
    }
    return read(
        c -> {
          requireAtMostSize(c, "size", size);
          return log.tree(c, subtrees).root(size);
        });
  }

  /** The size a download covers: the requested one, or the current one when none is given. */
  public long downloadSize(Long requested) {
    return read(
        c -> {
          if (requested == null) {
            return log.size(c);
          }
          if (requested < 0) {
            throw DomainException.invalid("size", "must be 0 or more");
          }
          requireAtMostSize(c, "size", requested);
          return requested;
        });
  }

  /**
   * Writes the first {@code size} leaves as JSON lines, {@code {"index":i,"leaf":"<base64>"}},
   * reading them a chunk at a time so that the log never has to fit in memory.
   */
  public void download(long size, OutputStream out) throws IOException {
    Base64.Encoder base64 = Base64.getEncoder();
    for (long start = 0; start < size; start += DOWNLOAD_CHUNK) {
      long from = start;
      List<LedgerLeaf> chunk =
          read(c -> log.leaves(c, from, Math.min(size, from + DOWNLOAD_CHUNK)));
      StringBuilder lines = new StringBuilder();
      for (LedgerLeaf leaf : chunk) {
        lines
            .append("{\"index\":")
            .append(leaf.index())
            .append(",\"leaf\":\"")
            .append(base64.encodeToString(leaf.bytes()))
            .append("\"}\n");
      }
      out.write(lines.toString().getBytes(StandardCharsets.US_ASCII));
    }
    out.flush();
  }

  /** Newest first, entries below {@code before} matching every given filter. */
  public List<LedgerLeaf> search(
      String type, String department, String state, String text, Long before, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw DomainException.invalid("limit", "must be between 1 and " + MAX_PAGE);
    }
    if (before != null && before < 0) {
      throw DomainException.invalid("before", "must be 0 or more");
    }
    return read(
        c ->
            log.search(
                c,
                blankToNull(type),
                blankToNull(department),
                blankToNull(state),
                blankToNull(text),
                before == null ? Long.MAX_VALUE : before,
                limit));
  }

  /** The values the portal offers as filters. */
  public List<String> facet(Facet facet) {
    return read(c -> log.distinct(c, facet));
  }

  private void requireAtMostSize(Connection c, String parameter, long size) throws SQLException {
    long current = log.size(c);
    if (size > current) {
      throw DomainException.invalid(
              parameter, "the ledger has " + current + " entries; ask for at most that size")
          .with("treeSize", current);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private interface Read<T> {
    T on(Connection c) throws SQLException;
  }

  private <T> T read(Read<T> read) {
    try (Connection c = dataSource.getConnection()) {
      return read.on(c);
    } catch (SQLException e) {
      throw new LedgerStorageException(e);
    }
  }
}
