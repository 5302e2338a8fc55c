package org.tribune.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.tribune.ledger.control.CompleteSubtree;
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
      long existing = log.size(c);
      if (existing != 0 && existing != n) {
        throw new IllegalStateException(dir + " holds " + existing + " leaves, not 0 or " + n);
      }
      if (existing == 0) {
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
        c.commit();
        double appendSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "append: %,d leaves in %.1f s = %.2f ms per append (%d per commit)%n",
            n, appendSeconds, appendSeconds * 1000 / n, batch);
      } else {
        System.out.printf("reusing the %,d leaves in %s%n", n, dir);
      }
      for (long from = 0; from < n; from += 1000) {
        log.leaves(c, from, Math.min(n, from + 1000))
            .forEach(leaf -> leafHashes.add(MerkleTree.leafHash(leaf.bytes())));
      }
      c.commit();
    }
    // The reference: the same leaves in memory, with its own in-memory subtree store, so that
    // checking an answer costs microseconds and stays out of the timings.
    Map<Long, byte[]> memory = new HashMap<>();
    MerkleTree reference =
        new MerkleTree(LeafHashes.of(leafHashes), (h, i) -> memory.get(((long) h << 56) | i));
    for (long i = 0; i < n; i++) {
      for (CompleteSubtree subtree : reference.subtreesCompletedBy(i)) {
        memory.put(((long) subtree.level() << 56) | subtree.index(), subtree.hash());
      }
    }
    byte[] rootN = reference.root(n);
    if (!Arrays.equals(rootN, new MerkleTree(LeafHashes.of(leafHashes)).root(n))) {
      throw new IllegalStateException("the in-memory reference is wrong");
    }

    SubtreeCache cache = new SubtreeCache(200_000, 4);
    SplittableRandom random = new SplittableRandom(7);
    try (Connection c = dataSource.getConnection()) {
      MerkleTree stored = log.tree(c, cache);
      time("root, cold cache", 1, () -> same(rootN, stored.root(n)));
      time("root, warm cache", 1000, () -> same(rootN, stored.root(n)));
      long[] indices = random.longs(1000, 0, n).toArray();
      List<List<byte[]>> inclusion = new ArrayList<>();
      time(
          "inclusion proof, random leaf",
          indices.length,
          k -> inclusion.add(stored.inclusionProof(indices[k], n)));
      for (int k = 0; k < indices.length; k++) {
        long i = indices[k];
        if (!MerkleTree.verifyInclusion(i, n, leafHashes.get((int) i), inclusion.get(k), rootN)) {
          throw new IllegalStateException("inclusion proof for " + i + " does not verify");
        }
      }
      long[] sizes = random.longs(1000, 1, n).toArray();
      List<List<byte[]>> consistency = new ArrayList<>();
      time(
          "consistency proof, random older size",
          sizes.length,
          k -> consistency.add(stored.consistencyProof(sizes[k], n)));
      for (int k = 0; k < sizes.length; k++) {
        long m = sizes[k];
        if (!MerkleTree.verifyConsistency(m, n, reference.root(m), rootN, consistency.get(k))) {
          throw new IllegalStateException("consistency proof from " + m + " does not verify");
        }
      }
      System.out.printf("subtree hashes cached: %,d%n", cache.size());
      time(
          "root without stored subtrees (every leaf read from the database)",
          1,
          () -> same(rootN, new MerkleTree(i -> leafHash(log, c, i)).root(n)));
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

  private interface Step {
    void run(int k) throws Exception;
  }

  private static void time(String what, int times, Work work) throws Exception {
    time(what, times, k -> work.run());
  }

  private static void time(String what, int times, Step work) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < times; i++) {
      work.run(i);
    }
    double ms = (System.nanoTime() - start) / 1e6;
    System.out.printf("%s: %.3f ms each (%d runs)%n", what, ms / times, times);
  }
}
