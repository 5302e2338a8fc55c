package org.tribune.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.ledger.boundary.ResponseLedger;
import org.tribune.testsupport.Fixtures;
import org.tribune.testsupport.TribuneDeployment;

/**
 * Inside the server, through the real {@link ResponseLedger} and JTA: many threads append at once,
 * some of them rolling back, and the log stays one sequence without gaps or duplicates whose leaves
 * are exactly the committed events.
 */
@ExtendWith(ArquillianExtension.class)
class ResponseLedgerIT {

  @Inject ResponseLedger ledger;

  @Resource(lookup = "java:comp/UserTransaction")
  UserTransaction transaction;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Deployment
  static WebArchive deployment() {
    return TribuneDeployment.war()
        .addClasses(ResponseLedgerIT.class, IndependentVerifier.class, Fixtures.class);
  }

  @Test
  void concurrentAppendsFormOneSequenceOfExactlyTheCommittedEvents() throws Exception {
    String run = "run-" + System.nanoTime();
    int threads = 12;
    int each = 20;
    List<Callable<List<Long>>> calls = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      calls.add(
          () -> {
            List<Long> committed = new ArrayList<>();
            for (int i = 0; i < each; i++) {
              transaction.begin();
              long index =
                  ledger.append("test.concurrent", Map.of("run", run, "thread", thread, "i", i));
              if (i % 4 == 3) {
                transaction.rollback();
              } else {
                transaction.commit();
                committed.add(index);
              }
            }
            return committed;
          });
    }
    Set<Long> mine = new HashSet<>();
    int count = 0;
    for (Future<List<Long>> future : executor.invokeAll(calls)) {
      count += future.get().size();
      mine.addAll(future.get());
    }
    assertEquals(threads * each * 3 / 4, count);
    assertEquals(count, mine.size(), "an index was handed out twice");

    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      long size;
      try (ResultSet rs = s.executeQuery("SELECT size FROM ledger_head")) {
        rs.next();
        size = rs.getLong(1);
      }
      List<byte[]> leafHashes = new ArrayList<>();
      int found = 0;
      try (ResultSet rs =
          s.executeQuery("SELECT idx, leaf, leaf_hash FROM ledger_leaf ORDER BY idx")) {
        long expected = 0;
        while (rs.next()) {
          assertEquals(expected, rs.getLong(1), "a gap or a duplicate in the sequence");
          byte[] leaf = Base64.getDecoder().decode(rs.getString(2));
          String text = new String(leaf, StandardCharsets.UTF_8);
          assertTrue(text.contains("\"seq\":" + expected + ","), text);
          byte[] hash = IndependentVerifier.leafHash(leaf);
          assertEquals(HexFormat.of().formatHex(hash), rs.getString(3));
          leafHashes.add(hash);
          if (text.contains("\"run\":\"" + run + "\"")) {
            assertTrue(mine.contains(expected), "a rolled-back event is in the log: " + text);
            found++;
          }
          expected++;
        }
        assertTrue(expected >= size, "head says " + size + ", leaves end at " + expected);
      }
      assertEquals(count, found, "a committed event is missing from the log");

      // Every stored subtree hash is the root of the leaves it covers.
      try (ResultSet rs = s.executeQuery("SELECT height, idx, hash FROM ledger_subtree")) {
        while (rs.next()) {
          int height = rs.getInt(1);
          int first = Math.toIntExact(rs.getLong(2) << height);
          if (first + (1 << height) <= size) {
            assertArrayEquals(
                IndependentVerifier.root(leafHashes.subList(first, first + (1 << height))),
                HexFormat.of().parseHex(rs.getString(3)),
                "subtree " + height + "/" + rs.getLong(2));
          }
        }
      }
    }
  }

  @Test
  void aLeafCommitsAndRollsBackWithTheCallersOwnWrites() throws Exception {
    Fixtures fixtures = new Fixtures(dataSource);
    String marker = "rollback-" + System.nanoTime();

    transaction.begin();
    long member = fixtures.member(marker);
    long index = ledger.append("test.atomic", Map.of("marker", marker, "member", member));
    transaction.rollback();
    assertEquals(0, fixtures.count("SELECT COUNT(*) FROM member WHERE id = " + member));
    assertEquals(0, countLeavesWith(marker));

    transaction.begin();
    long kept = fixtures.member(marker);
    long keptIndex = ledger.append("test.atomic", Map.of("marker", marker, "member", kept));
    transaction.commit();
    assertEquals(1, fixtures.count("SELECT COUNT(*) FROM member WHERE id = " + kept));
    assertEquals(1, countLeavesWith(marker));
    assertTrue(keptIndex >= index);
  }

  @Test
  void appendingNeedsTheCallersTransaction() {
    assertThrows(
        TransactionalException.class, () -> ledger.append("test.orphan", Map.of("a", "b")));
  }

  private int countLeavesWith(String marker) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM ledger_leaf WHERE search_text LIKE ?")) {
      s.setString(1, "%" + marker + "%");
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
