package org.tribune.ledger.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.MemoryDatabase;

/**
 * The ledger's SQL on a real (in-memory Derby) database with the real migrations. Each connection
 * here stands for a separate instance: they share nothing but the database.
 */
class LedgerLogTest {

  private static final Instant NOW = Instant.parse("2027-01-15T09:30:00.123456Z");

  private MemoryDatabase db;
  private final LedgerLog log = new LedgerLog(Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void open() {
    db = new MemoryDatabase();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anEntryIsTheCanonicalJsonOfTheFieldsWithSeqTypeAndAt() throws Exception {
    try (Connection c = db.connection()) {
      long first =
          log.append(
              c,
              "inquiry.submitted",
              Map.of("reference", "Q-1", "department", "camera", "due", LocalDate.of(2027, 2, 1)));
      long second = log.append(c, "answer.published", Map.of("reference", "Q-1"));
      assertEquals(0, first);
      assertEquals(1, second);
      assertEquals(2, log.size(c));
      List<LedgerLeaf> leaves = log.leaves(c, 0, 10);
      assertEquals(
          "{\"at\":\"2027-01-15T09:30:00.123Z\",\"department\":\"camera\",\"due\":\"2027-02-01\","
              + "\"reference\":\"Q-1\",\"seq\":0,\"type\":\"inquiry.submitted\"}",
          leaves.get(0).text());
      assertEquals(1, leaves.get(1).index());
    }
  }

  @Test
  void storedLeavesKeepTheirExactBytesBeyondTheBasicPlane() throws Exception {
    String text = "摄像头 \uD83D\uDCF7 \"quoted\" \\ \u0001 é";
    try (Connection c = db.connection()) {
      log.append(c, "answer.published", Map.of("text", text));
      LedgerLeaf leaf = log.leaves(c, 0, 1).get(0);
      byte[] expected = LedgerEntryFormat.leaf(0, "answer.published", NOW, Map.of("text", text));
      assertArrayEquals(expected, leaf.bytes());
      assertTrue(leaf.text().contains("\uD83D\uDCF7"));
      assertArrayEquals(
          MerkleTree.leafHash(expected),
          log.tree(c, new SubtreeCache(10, 1)).root(1),
          "the root of a one-leaf tree is its leaf hash");
      assertEquals(
          new String(expected, StandardCharsets.UTF_8),
          CanonicalJson.text(
              Map.of(
                  "text",
                  text,
                  "seq",
                  0,
                  "type",
                  "answer.published",
                  "at",
                  LedgerEntryFormat.at(NOW))));
    }
  }

  @Test
  void storedSubtreesGiveTheSameRootsAndProofsAsTheLeavesAlone() throws Exception {
    List<byte[]> hashes = new ArrayList<>();
    try (Connection c = db.connection()) {
      for (int i = 0; i < 77; i++) {
        log.append(c, "plan.milestone", Map.of("n", i));
        hashes.add(MerkleTree.leafHash(log.leaves(c, i, i + 1).get(0).bytes()));
      }
      MerkleTree reference = new MerkleTree(LeafHashes.of(hashes));
      MerkleTree stored = log.tree(c, new SubtreeCache(1000, 1));
      for (int size : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 65, 77}) {
        assertArrayEquals(reference.root(size), stored.root(size), "root " + size);
        for (int index = 0; index < size; index += 5) {
          List<byte[]> expected = reference.inclusionProof(index, size);
          List<byte[]> actual = stored.inclusionProof(index, size);
          assertEquals(expected.size(), actual.size());
          for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k), actual.get(k));
          }
        }
        List<byte[]> expected = reference.consistencyProof(Math.max(1, size / 3), size);
        List<byte[]> actual = stored.consistencyProof(Math.max(1, size / 3), size);
        assertEquals(expected.size(), actual.size());
      }
    }
  }

  @Test
  void aRolledBackAppendGivesItsIndexBack() throws Exception {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      log.append(c, "inquiry.submitted", Map.of("n", 1));
      c.rollback();
      assertEquals(0, log.size(c));
      assertEquals(0, log.append(c, "inquiry.submitted", Map.of("n", 2)));
      c.commit();
      assertEquals(1, log.leaves(c, 0, 10).size());
      assertTrue(log.leaves(c, 0, 1).get(0).text().contains("\"n\":2"));
      c.commit();
    }
  }

  @Test
  void concurrentAppendersOnSeparateConnectionsMakeOneSequenceWithoutGaps() throws Exception {
    int appenders = 8;
    int each = 25;
    List<Callable<List<Long>>> calls = new ArrayList<>();
    for (int a = 0; a < appenders; a++) {
      int appender = a;
      calls.add(
          () -> {
            List<Long> committed = new ArrayList<>();
            try (Connection c = db.connection()) {
              c.setAutoCommit(false);
              for (int i = 0; i < each; i++) {
                long index = log.append(c, "t", Map.of("appender", appender, "i", i));
                if (i % 5 == 4) {
                  c.rollback();
                } else {
                  c.commit();
                  committed.add(index);
                }
              }
            }
            return committed;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(appenders);
    Set<Long> indices = new HashSet<>();
    int total = 0;
    try {
      for (Future<List<Long>> future : pool.invokeAll(calls)) {
        total += future.get().size();
        indices.addAll(future.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(appenders * each * 4 / 5, total);
    assertEquals(total, indices.size(), "no index handed out twice");
    try (Connection c = db.connection()) {
      assertEquals(total, log.size(c));
      List<LedgerLeaf> leaves = log.leaves(c, 0, total);
      List<byte[]> hashes = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        assertEquals(i, leaves.get(i).index());
        assertTrue(leaves.get(i).text().contains("\"seq\":" + i + ","), leaves.get(i).text());
        assertTrue(indices.contains((long) i));
        hashes.add(MerkleTree.leafHash(leaves.get(i).bytes()));
      }
      assertArrayEquals(
          new MerkleTree(LeafHashes.of(hashes)).root(total),
          log.tree(c, new SubtreeCache(1000, 1)).root(total));
    }
  }

  @Test
  void badEntriesAreRefusedBeforeAnythingIsWritten() throws SQLException {
    try (Connection c = db.connection()) {
      assertThrows(
          IllegalArgumentException.class, () -> log.append(c, "Inquiry Submitted", Map.of()));
      assertThrows(IllegalArgumentException.class, () -> log.append(c, "t", Map.of("seq", 5)));
      assertThrows(IllegalArgumentException.class, () -> log.append(c, "t", Map.of("score", 1.5)));
      assertThrows(
          LeafTooLargeException.class,
          () -> log.append(c, "t", Map.of("text", "x".repeat(LedgerEntryFormat.MAX_LEAF_BYTES))));
      assertEquals(0, log.size(c));
    }
  }

  @Test
  void searchFiltersByTypeDepartmentStateAndText() throws Exception {
    try (Connection c = db.connection()) {
      log.append(c, "inquiry.assigned", Map.of("department", "camera", "state", "assigned"));
      log.append(c, "answer.published", Map.of("department", "camera", "text", "Night Mode"));
      log.append(c, "answer.published", Map.of("department", "battery", "text", "100%_done"));
      assertEquals(
          List.of(2L, 1L),
          log.search(c, "answer.published", null, null, null, 10, 10).stream()
              .map(LedgerLeaf::index)
              .toList());
      assertEquals(1, log.search(c, null, "camera", "assigned", null, 10, 10).size());
      assertEquals(1L, log.search(c, null, null, null, "night mode", 10, 10).get(0).index());
      assertEquals(1, log.search(c, null, null, null, "%_", 10, 10).size());
      assertEquals(
          List.of(0L),
          log.search(c, null, null, null, null, 1, 10).stream().map(LedgerLeaf::index).toList());
      assertEquals(
          List.of("answer.published", "inquiry.assigned"), log.distinct(c, LedgerLog.Facet.TYPE));
      assertEquals(List.of("battery", "camera"), log.distinct(c, LedgerLog.Facet.DEPARTMENT));
    }
  }

  @Test
  void theFirstRecordedVerifierKeyStays() throws Exception {
    try (Connection c = db.connection()) {
      assertEquals("k1", log.recordVerifierKey(c, "k1"));
      assertEquals("k1", log.recordVerifierKey(c, "k2"));
    }
  }
}
