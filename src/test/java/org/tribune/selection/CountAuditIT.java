package org.tribune.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;

class CountAuditIT extends ApiIT {

  private static final Map<String, String> TEXT = Map.of("Content-Type", "text/plain");

  // The surplus-transfer election of MeekStvTest: 8 × A B, 1 × B, 2 × C, 1 × D, 2 seats; packed
  // weights, a withdrawn fifth candidate, quoted names and title.
  private static final String BLT =
      """
      5 2
      -5
      8 1 2 0
      1 2 0
      2 3 0
      1 4 5 0
      0
      "Alice"
      "Bob"
      "Carol"
      "Dan"
      "Eve"
      "Moderator election 2026"
      """;

  @Test
  void anyoneCanRecountABallotFileAndGetsOpaVotesReportShape() {
    ApiClient.Response response =
        anonymous().send("POST", "/api/v1/selection/count?seed=audit-1", BLT, TEXT);

    assertEquals(200, response.status(), response.toString());
    JsonObject report = response.object();
    assertEquals(2, report.getInt("n_seats"));
    assertEquals(12, report.getInt("n_votes"));
    assertEquals(12, report.getInt("n_valid_votes"));
    assertEquals("Moderator election 2026", report.getString("title"));
    assertEquals(6, report.getInt("precision"));
    assertEquals("[4]", report.getJsonArray("withdrawn").toString());
    assertEquals("[0,1]", report.getJsonArray("winners").toString());
    assertEquals("[]", report.getJsonArray("tie_breaks").toString());
    JsonArray rounds = report.getJsonArray("rounds");
    assertEquals(2, rounds.size());
    JsonObject first = rounds.getJsonObject(0);
    assertEquals(1, first.getInt("n"));
    assertEquals("[8000000,1000000,2000000,1000000,0]", first.getJsonArray("count").toString());
    assertEquals(4_000_001, first.getJsonNumber("thresh").longValue());
    assertEquals(3_999_999, first.getJsonNumber("surplus").longValue());
    assertEquals("[1,2,3]", first.getJsonArray("continuing").toString());
    assertEquals("first", first.getJsonObject("action").getString("type"));
    JsonObject second = rounds.getJsonObject(1);
    assertEquals("[4000008,4999992,2000000,1000000,0]", second.getJsonArray("count").toString());
    assertEquals("surplus", second.getJsonObject("action").getString("type"));
    assertEquals("[0]", second.getJsonObject("action").getJsonArray("candidates").toString());
    assertEquals("[0,1]", second.getJsonArray("winners").toString());
    assertEquals("[2,3]", second.getJsonArray("losers").toString());
    assertEquals(
        "Count after transferring surplus votes. Keep factors of candidates who have exceeded the"
            + " threshold: Alice, 0.500001. Candidate Bob has reached the threshold and is"
            + " elected. ",
        second.getString("msg"));
    assertTrue(report.getJsonArray("options").toString().contains("[\"seed\",\"audit-1\"]"));
  }

  @Test
  void optionsNamedLikeOpaVotesChangeTheCount() {
    ApiClient.Response response =
        anonymous()
            .send(
                "POST",
                "/api/v1/selection/count?fractionalThreshold=Whole&dynamicThreshold=Static&prec=4",
                BLT,
                TEXT);

    assertEquals(200, response.status(), response.toString());
    JsonObject first = response.object().getJsonArray("rounds").getJsonObject(0);
    assertEquals(50_000, first.getJsonNumber("thresh").longValue());
    assertEquals(4, response.object().getInt("precision"));
  }

  @Test
  void withoutASeedTheFilesHashIsTheSeed() {
    ApiClient.Response response = anonymous().send("POST", "/api/v1/selection/count", BLT, TEXT);
    assertEquals(200, response.status());
    assertTrue(
        response
            .object()
            .getJsonArray("options")
            .toString()
            .matches(".*\"seed\",\"[0-9a-f]{64}\".*"));
  }

  @Test
  void aMalformedFileIsA400WithItsLineNumber() {
    String bad = BLT.replace("2 3 0", "2 3 9 0");
    ApiClient.Response response = anonymous().send("POST", "/api/v1/selection/count", bad, TEXT);

    assertEquals(400, response.status());
    assertEquals("blt-format", response.problemType());
    assertEquals(5, response.object().getInt("line"));
    assertTrue(response.object().getString("detail").startsWith("line 5:"));
  }

  @Test
  void anUnknownOptionValueIsA400NamingTheParameter() {
    ApiClient.Response response =
        anonymous().send("POST", "/api/v1/selection/count?thresholdFormula=Imperiali", BLT, TEXT);
    assertEquals(400, response.status());
    assertEquals("invalid-input", response.problemType());
    assertTrue(response.body().contains("thresholdFormula"), response.body());
  }

  @Test
  void anElectionWithoutEnoughCandidatesIsA422() {
    String tooFew = "2 1\n-2\n3 1 2 0\n0\n\"A\"\n\"B\"\n\"T\"\n";
    ApiClient.Response response = anonymous().send("POST", "/api/v1/selection/count", tooFew, TEXT);
    assertEquals(422, response.status());
    assertEquals("stv-too-few-candidates", response.problemType());
  }

  @Test
  void noMoreCandidatesThanSeatsElectsEveryoneWithAVoteAsOpenStvDoes() {
    String asMany = "2 2\n3 1 2 0\n1 2 0\n0\n\"A\"\n\"B\"\n\"T\"\n";
    ApiClient.Response response = anonymous().send("POST", "/api/v1/selection/count", asMany, TEXT);
    assertEquals(200, response.status(), response.toString());
    assertEquals("[0,1]", response.object().getJsonArray("winners").toString());
  }
}
