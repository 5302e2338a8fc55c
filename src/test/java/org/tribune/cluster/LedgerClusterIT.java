package org.tribune.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tribune.ledger.IndependentVerifier;
import org.tribune.ledger.IndependentVerifier.Head;
import org.tribune.qa.QaWorld;
import org.tribune.testsupport.ApiClient;

/**
 * Both instances append to the one response ledger at once: delegates file inquiries through A and
 * B concurrently, each filing appending a leaf in its own transaction. The log must stay one
 * sequence (no gap, no index twice), and both instances must serve the same signed checkpoint and
 * proofs that an independent RFC 9162 verifier accepts.
 */
class LedgerClusterIT {

  private static final URI[] INSTANCES = {Cluster.A, Cluster.B};

  @Test
  void appendsThroughBothInstancesAtOnceMakeOneGaplessSequence() throws Exception {
    QaWorld world = new QaWorld(Cluster.members(Cluster.A), "held");
    int filings = 40;
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Future<ApiClient.Response>> filed = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    try {
      for (int i = 0; i < filings; i++) {
        ApiClient client = Cluster.sameBrowserOn(INSTANCES[i % 2], world.delegate.client());
        String body = world.inquiry("Cluster ledger " + world.tag + " #" + i, true);
        filed.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.post("/api/v1/qa/inquiries", body);
                }));
      }
      go.countDown();
      Set<Long> indexes = new HashSet<>();
      for (Future<ApiClient.Response> f : filed) {
        ApiClient.Response r = f.get(5, TimeUnit.MINUTES);
        assertEquals(201, r.status(), r::toString);
        JsonObject submitted = r.object().getJsonArray("history").getJsonObject(0);
        assertTrue(
            indexes.add(submitted.getJsonNumber("ledgerIndex").longValue()),
            "one ledger index per filing: " + r);
      }
      assertEquals(filings, indexes.size());

      // Both instances sign the same checkpoint with the one shared key.
      String key = text(Cluster.A, "/api/v1/ledger/key");
      assertEquals(key, text(Cluster.B, "/api/v1/ledger/key"));
      Head onA =
          IndependentVerifier.openCheckpoint(text(Cluster.A, "/api/v1/ledger/checkpoint"), key);
      Head onB =
          IndependentVerifier.openCheckpoint(text(Cluster.B, "/api/v1/ledger/checkpoint"), key);
      long size = Math.min(onA.size(), onB.size());
      assertTrue(size > indexes.stream().mapToLong(Long::longValue).max().orElseThrow());

      // Every leaf, read in pages alternately from A and B: indexes 0..size-1 each exactly once,
      // sequence numbers equal to indexes, and the recomputed root equals the signed one.
      List<byte[]> leafHashes = new ArrayList<>();
      long next = 0;
      int page = 0;
      while (next < size) {
        JsonArray entries =
            new ApiClient(INSTANCES[page++ % 2])
                .get("/api/v1/ledger/entries?start=" + next + "&end=" + size)
                .object()
                .getJsonArray("entries");
        assertTrue(!entries.isEmpty(), "entries from " + next);
        for (JsonObject e : entries.getValuesAs(JsonObject.class)) {
          assertEquals(next, e.getJsonNumber("index").longValue(), "no gap, no repeat");
          assertEquals(next, e.getJsonObject("entry").getJsonNumber("seq").longValue());
          leafHashes.add(
              IndependentVerifier.leafHash(Base64.getDecoder().decode(e.getString("leaf"))));
          next++;
        }
      }
      Head head = onA.size() == size ? onA : onB;
      assertArrayEquals(head.root(), IndependentVerifier.root(leafHashes), "the signed root");

      // A leaf appended through one instance is proved by the other.
      for (long index : indexes) {
        URI other = INSTANCES[(int) (index % 2)];
        JsonObject proof =
            new ApiClient(other)
                .get("/api/v1/ledger/proof/inclusion?index=" + index + "&size=" + size)
                .object();
        assertArrayEquals(
            head.root(),
            IndependentVerifier.rootFromInclusion(
                index, size, leafHashes.get((int) index), hashes(proof.getJsonArray("proof"))),
            "inclusion of " + index + " served by " + other);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String text(URI instance, String path) throws Exception {
    ApiClient.Response r =
        new ApiClient(instance).send("GET", path, null, Map.of("Accept", "text/plain"));
    assertEquals(200, r.status(), r::toString);
    return r.body();
  }

  private static List<byte[]> hashes(JsonArray proof) {
    List<byte[]> hashes = new ArrayList<>();
    for (JsonString s : proof.getValuesAs(JsonString.class)) {
      hashes.add(Base64.getDecoder().decode(s.getString()));
    }
    return hashes;
  }
}
