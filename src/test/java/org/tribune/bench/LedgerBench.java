package org.tribune.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.tribune.ledger.control.LeafHashes;
import org.tribune.ledger.control.LedgerLog;
import org.tribune.ledger.control.MerkleTree;
import org.tribune.ledger.control.SubtreeCache;
import org.tribune.platform.control.SchemaMigrations;

/**
 * Measures the ledger's storage at a realistic size: appends N leaves (default 100,000) to a fresh
 * on-disk Derby through the same {@link LedgerLog} code the service uses, then times checkpoint
 * roots and inclusion and consistency proofs read from the stored leaf and subtree hashes, with a
 * cold and a warm {@link SubtreeCache}, and checks every answer against an in-memory tree. Prints
 * numbers; asserts nothing about time (docs/performance.md, "Ledger").
 *
 * <p>Usage: {@code LedgerBench [leaves] [directory] [appends per commit]}, e.g. from the IDE or
 * with {@code java -cp target/test-classes:target/classes:<deps>}.
 */
public final class LedgerBench {

  private LedgerBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    // Appends per commit: 1 is what the service does (one event per command); the default of 100
    // keeps the run short where the disk's sync dominates.
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("ledger-bench");
    EmbeddedDataSource dataSource = new EmbeddedDataSource();
    dataSource.setDatabaseName(dir.resolve("tribune").toString());
    dataSource.setCreateDatabase("create");
    SchemaMigrations.migrate(dataSource);
    LedgerLog log = new LedgerLog(Clock.systemUTC());

    List<byte[]> leafHashes = new ArrayList<>(n);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long index =
            log.append(
                c,
                "answer.published",
                Map.of(
                    "inquiry", "Q-2027-" + i,
                    "department", "dept-" + (i % 12),
                    "state", "published",
                    "text", "An answer of moderate length, number " + i + ", to be verified."));
        if (index != i) {
          throw new IllegalStateException("index " + index + " for append " + i);
        }
        if ((i + 1) % batch == 0) {
          c.commit();
        }
        if ((i + 1) % 20_000 == 0) {
          System.out.printf("appended %,d%n", i + 1);
        }
      }
      double appendSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "append: %,d leaves in %.1f s = %.2f ms per append (%d per commit)%n",
          n, appendSeconds, appendSeconds * 1000 / n, batch);
      for (long from = 0; from < n; from += 1000) {
        log.leaves(c, from, Math.min(n, from + 1000))
            .forEach(leaf -> leafHashes.add(MerkleTree.leafHash(leaf.bytes())));
      }
      c.commit();
    }
    MerkleTree reference = new MerkleTree(LeafHashes.of(leafHashes));

    SubtreeCache cache = new SubtreeCache(200_000, 4);
    SplittableRandom random = new SplittableRandom(7);
    try (Connection c = dataSource.getConnection()) {
      MerkleTree stored = log.tree(c, cache);
      time("root, cold cache", 1, () -> same(reference.root(n), stored.root(n)));
      time("root, warm cache", 100, () -> same(reference.root(n), stored.root(n)));
      time(
          "inclusion proof, random leaf",
          1000,
          () -> {
            long i = random.nextLong(n);
            List<byte[]> p = stored.inclusionProof(i, n);
            if (!MerkleTree.verifyInclusion(i, n, leafHashes.get((int) i), p, reference.root(n))) {
              throw new IllegalStateException("inclusion proof for " + i + " does not verify");
            }
          });
      time(
          "consistency proof, random sizes",
          1000,
          () -> {
            long m = 1 + random.nextLong(n - 1);
            List<byte[]> p = stored.consistencyProof(m, n);
            if (!MerkleTree.verifyConsistency(m, n, reference.root(m), reference.root(n), p)) {
              throw new IllegalStateException("consistency proof from " + m + " does not verify");
            }
          });
      System.out.printf("subtree hashes cached: %,d%n", cache.size());
      time(
          "root without stored subtrees (every leaf read from the database)",
          1,
          () -> same(reference.root(n), new MerkleTree(i -> leafHash(log, c, i)).root(n)));
    }
  }

  private static byte[] leafHash(LedgerLog log, Connection c, long i) {
    try {
      return MerkleTree.leafHash(log.leaves(c, i, i + 1).get(0).bytes());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void same(byte[] expected, byte[] actual) {
    if (!Arrays.equals(expected, actual)) {
      throw new IllegalStateException("a stored root differs from the in-memory one");
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private static void time(String what, int times, Work work) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < times; i++) {
      work.run();
    }
    double ms = (System.nanoTime() - start) / 1e6;
    System.out.printf("%s: %.3f ms each (%d runs)%n", what, ms / times, times);
  }
}
