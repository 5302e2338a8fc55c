package org.tribune.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.ledger.IndependentVerifier.Head;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.TribuneDeployment;

/**
 * The public ledger contract over HTTP, checked as an outside verifier would: every proof and the
 * checkpoint signature are verified by {@link IndependentVerifier}, which shares no code with the
 * service. Appends come from a test-only resource ({@link LedgerEventsForTests}); other test
 * classes may append too, so the tests reason about the log as they find it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerApiIT {

  @ArquillianResource URL deploymentUrl;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TribuneDeployment.war().addClass(LedgerEventsForTests.class);
  }

  private ApiClient client() throws Exception {
    return new ApiClient(deploymentUrl.toURI());
  }

  private List<Long> append(String type, String fieldsJson, int count) throws Exception {
    Response r =
        client()
            .post(
                "/api/v1/test/ledger-events",
                "{\"type\":\""
                    + type
                    + "\",\"fields\":"
                    + fieldsJson
                    + ",\"count\":"
                    + count
                    + "}");
    assertEquals(200, r.status(), r.toString());
    List<Long> indices = new ArrayList<>();
    r.object()
        .getJsonArray("indices")
        .forEach(v -> indices.add(((jakarta.json.JsonNumber) v).longValue()));
    return indices;
  }

  private Response text(String path) throws Exception {
    return client().send("GET", path, null, Map.of("Accept", "text/plain"));
  }

  private Response jsonLines(String path) throws Exception {
    return client()
        .send("GET", path, null, Map.of("Accept", "application/jsonl, application/problem+json"));
  }

  private Head head() throws Exception {
    Response note = text("/api/v1/ledger/checkpoint");
    assertEquals(200, note.status());
    assertTrue(note.contentType().startsWith("text/plain"), note.contentType());
    return IndependentVerifier.openCheckpoint(note.body(), key());
  }

  private String key() throws Exception {
    Response key = text("/api/v1/ledger/key");
    assertEquals(200, key.status());
    assertTrue(key.contentType().startsWith("text/plain"));
    return key.body();
  }

  private static List<byte[]> hashes(JsonArray proof) {
    List<byte[]> hashes = new ArrayList<>();
    for (JsonString s : proof.getValuesAs(JsonString.class)) {
      hashes.add(Base64.getDecoder().decode(s.getString()));
    }
    return hashes;
  }

  @Test
  void theKeyIsAC2spEd25519VerifierKeyForTheOrigin() throws Exception {
    String key = key();
    assertTrue(key.matches("[^+\\s]+\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}"), key);
    assertTrue(key.startsWith("tribune.example/ledger+"), key);
  }

  @Test
  void anAppendedEntryIsServedWithItsExactLeafAndProvedInTheSignedCheckpoint() throws Exception {
    String word = "verify-" + System.nanoTime();
    long index =
        append("answer.published", "{\"department\":\"camera\",\"text\":\"" + word + " é 📷\"}", 1)
            .get(0);

    JsonObject page =
        client().get("/api/v1/ledger/entries?start=" + index + "&end=" + (index + 1)).object();
    JsonObject served = page.getJsonArray("entries").getJsonObject(0);
    assertEquals(index, served.getJsonNumber("index").longValue());
    byte[] leaf = Base64.getDecoder().decode(served.getString("leaf"));
    String leafText = new String(leaf, StandardCharsets.UTF_8);
    JsonObject entry = served.getJsonObject("entry");
    assertEquals(index, entry.getJsonNumber("seq").longValue());
    assertEquals("answer.published", entry.getString("type"));
    assertEquals(word + " é 📷", entry.getString("text"));
    assertTrue(
        entry.getString("at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    // The leaf is the canonical JSON: sorted members, no whitespace, UTF-8 as is.
    assertEquals(
        "{\"at\":\""
            + entry.getString("at")
            + "\",\"department\":\"camera\",\"seq\":"
            + index
            + ",\"text\":\""
            + word
            + " é 📷\",\"type\":\"answer.published\"}",
        leafText);

    Head head = head();
    assertTrue(head.size() > index);
    JsonObject proof =
        client()
            .get("/api/v1/ledger/proof/inclusion?index=" + index + "&size=" + head.size())
            .object();
    assertEquals(index, proof.getJsonNumber("index").longValue());
    assertEquals(head.size(), proof.getJsonNumber("size").longValue());
    byte[] root =
        IndependentVerifier.rootFromInclusion(
            index,
            head.size(),
            IndependentVerifier.leafHash(leaf),
            hashes(proof.getJsonArray("proof")));
    assertArrayEquals(head.root(), root);

    // A changed leaf does not verify.
    byte[] tampered = leafText.replace(word, word + "!").getBytes(StandardCharsets.UTF_8);
    assertFalse(
        java.util.Arrays.equals(
            head.root(),
            IndependentVerifier.rootFromInclusion(
                index,
                head.size(),
                IndependentVerifier.leafHash(tampered),
                hashes(proof.getJsonArray("proof")))));
  }

  @Test
  void theDownloadRebuildsTheCheckpointRootAndEveryConsistencyProofHolds() throws Exception {
    append("plan.milestone", "{\"state\":\"on-track\"}", 5);
    Head older = head();
    append("plan.milestone", "{\"state\":\"done\"}", 13);
    Head newer = head();
    assertTrue(newer.size() >= older.size() + 13);

    Response download = jsonLines("/api/v1/ledger/download?size=" + newer.size());
    assertEquals(200, download.status(), download.toString());
    assertTrue(download.contentType().startsWith("application/jsonl"), download.contentType());
    assertEquals(String.valueOf(newer.size()), download.header("Ledger-Tree-Size").orElseThrow());
    List<byte[]> leafHashes = new ArrayList<>();
    String[] lines = download.body().split("\n");
    assertEquals(newer.size(), lines.length);
    for (int i = 0; i < lines.length; i++) {
      JsonObject line = jakarta.json.Json.createReader(new StringReader(lines[i])).readObject();
      assertEquals(i, line.getJsonNumber("index").longValue());
      leafHashes.add(
          IndependentVerifier.leafHash(Base64.getDecoder().decode(line.getString("leaf"))));
    }
    assertArrayEquals(newer.root(), IndependentVerifier.root(leafHashes));
    assertArrayEquals(
        older.root(), IndependentVerifier.root(leafHashes.subList(0, (int) older.size())));

    for (long from : new long[] {1, older.size() / 2 + 1, older.size(), newer.size() - 1}) {
      JsonObject proof =
          client()
              .get("/api/v1/ledger/proof/consistency?from=" + from + "&to=" + newer.size())
              .object();
      assertEquals(from, proof.getJsonNumber("from").longValue());
      assertEquals(newer.size(), proof.getJsonNumber("to").longValue());
      byte[] fromRoot = IndependentVerifier.root(leafHashes.subList(0, (int) from));
      assertTrue(
          IndependentVerifier.consistent(
              from, newer.size(), fromRoot, newer.root(), hashes(proof.getJsonArray("proof"))),
          "consistency " + from + " -> " + newer.size());
    }
    JsonObject same =
        client()
            .get("/api/v1/ledger/proof/consistency?from=" + older.size() + "&to=" + older.size())
            .object();
    assertEquals(0, same.getJsonArray("proof").size());

    // Every inclusion proof at the older size verifies against the older root too.
    for (long i = 0; i < older.size(); i += Math.max(1, older.size() / 7)) {
      JsonObject proof =
          client()
              .get("/api/v1/ledger/proof/inclusion?index=" + i + "&size=" + older.size())
              .object();
      assertArrayEquals(
          older.root(),
          IndependentVerifier.rootFromInclusion(
              i, older.size(), leafHashes.get((int) i), hashes(proof.getJsonArray("proof"))));
    }
  }

  @Test
  void entriesArePagedAndEndAtTheTreeSize() throws Exception {
    append("inquiry.submitted", "{\"state\":\"submitted\"}", 3);
    long size = head().size();
    JsonArray tail =
        client()
            .get("/api/v1/ledger/entries?start=" + (size - 2) + "&end=" + (size + 50))
            .object()
            .getJsonArray("entries");
    assertEquals(2, tail.size());
    assertEquals(size - 1, tail.getJsonObject(1).getJsonNumber("index").longValue());
    assertEquals(
        0,
        client()
            .get("/api/v1/ledger/entries?start=" + (size + 5) + "&end=" + (size + 6))
            .object()
            .getJsonArray("entries")
            .size());
    JsonArray big =
        client().get("/api/v1/ledger/entries?start=0&end=100000").object().getJsonArray("entries");
    assertTrue(big.size() <= 256 && big.size() >= Math.min(size, 1));
  }

  @Test
  void searchFiltersAndFacetsListWhatIsThere() throws Exception {
    String dept = "dept-" + System.nanoTime();
    append("inquiry.assigned", "{\"department\":\"" + dept + "\",\"state\":\"assigned\"}", 2);
    long answer =
        append(
                "answer.published",
                "{\"department\":\"" + dept + "\",\"text\":\"Zebra stripes\"}",
                1)
            .get(0);
    JsonObject byDept = client().get("/api/v1/ledger/search?department=" + dept).object();
    assertEquals(3, byDept.getJsonArray("entries").size());
    assertEquals(
        answer, byDept.getJsonArray("entries").getJsonObject(0).getJsonNumber("index").longValue());
    JsonObject byType =
        client()
            .get("/api/v1/ledger/search?department=" + dept + "&type=inquiry.assigned&limit=1")
            .object();
    assertEquals(1, byType.getJsonArray("entries").size());
    long next = byType.getJsonNumber("next").longValue();
    JsonObject second =
        client()
            .get(
                "/api/v1/ledger/search?department="
                    + dept
                    + "&type=inquiry.assigned&limit=1&before="
                    + next)
            .object();
    assertTrue(
        second.getJsonArray("entries").getJsonObject(0).getJsonNumber("index").longValue() < next);
    assertEquals(
        answer,
        client()
            .get("/api/v1/ledger/search?q=zebra%20STRIPES&department=" + dept)
            .object()
            .getJsonArray("entries")
            .getJsonObject(0)
            .getJsonNumber("index")
            .longValue());
    JsonObject facets = client().get("/api/v1/ledger/facets").object();
    assertTrue(facets.getJsonArray("departments").contains(jakarta.json.Json.createValue(dept)));
    assertTrue(
        facets.getJsonArray("types").contains(jakarta.json.Json.createValue("answer.published")));
    assertTrue(facets.getJsonArray("states").contains(jakarta.json.Json.createValue("assigned")));
  }

  @Test
  void badParametersAreProblems() throws Exception {
    append("inquiry.submitted", "{}", 1);
    long size = head().size();
    ApiClient c = client();
    for (String path :
        List.of(
            "/api/v1/ledger/entries?start=0",
            "/api/v1/ledger/entries?start=-1&end=3",
            "/api/v1/ledger/entries?start=5&end=5",
            "/api/v1/ledger/entries?start=x&end=3",
            "/api/v1/ledger/proof/inclusion?index=0",
            "/api/v1/ledger/proof/inclusion?index=" + size + "&size=" + size,
            "/api/v1/ledger/proof/inclusion?index=0&size=" + (size + 1),
            "/api/v1/ledger/proof/inclusion?index=0&size=0",
            "/api/v1/ledger/proof/consistency?from=0&to=" + size,
            "/api/v1/ledger/proof/consistency?from=2&to=1",
            "/api/v1/ledger/proof/consistency?from=1&to=" + (size + 1),
            "/api/v1/ledger/proof/consistency?from=1.5&to=2",
            "/api/v1/ledger/search?limit=0",
            "/api/v1/ledger/search?limit=257",
            "/api/v1/ledger/search?before=-3")) {
      Response r = c.get(path);
      assertEquals(400, r.status(), path + " -> " + r);
      assertEquals("invalid-input", r.problemType(), path);
    }
    Response tooBig = jsonLines("/api/v1/ledger/download?size=" + (size + 1));
    assertEquals(400, tooBig.status(), tooBig.toString());
    assertEquals("invalid-input", tooBig.problemType());
    assertEquals(size, tooBig.object().getJsonNumber("treeSize").longValue());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            IndependentVerifier.openCheckpoint(
                text("/api/v1/ledger/checkpoint").body(),
                "other.example/log+00000000+AQ" + "A".repeat(42)));
  }

  @Test
  void anAppendOutsideATransactionOrWithReservedFieldsWritesNothing() throws Exception {
    long before = head().size();
    Response reserved =
        client().post("/api/v1/test/ledger-events", "{\"type\":\"x\",\"fields\":{\"seq\":1}}");
    assertEquals(500, reserved.status());
    Response badType =
        client().post("/api/v1/test/ledger-events", "{\"type\":\"Bad Type\",\"fields\":{}}");
    assertEquals(500, badType.status());
    Response tooLarge =
        client()
            .post(
                "/api/v1/test/ledger-events",
                "{\"type\":\"x\",\"fields\":{\"t\":\"" + "x".repeat(25_000) + "\"}}");
    assertEquals(413, tooLarge.status(), tooLarge.toString());
    assertEquals("ledger-entry-too-large", tooLarge.problemType());
    // Another test may append meanwhile, but none of the refused ones may be in the log.
    long after = head().size();
    JsonArray entries =
        client()
            .get("/api/v1/ledger/entries?start=" + before + "&end=" + (after + 1))
            .object()
            .getJsonArray("entries");
    for (JsonObject e : entries.getValuesAs(JsonObject.class)) {
      assertFalse(e.getJsonObject("entry").getString("type").equals("x"), e.toString());
    }
  }
}
