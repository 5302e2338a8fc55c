package org.tribune.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.selection.RoundSteps.advance;
import static org.tribune.selection.RoundSteps.create;
import static org.tribune.selection.RoundSteps.nominateSelf;
import static org.tribune.selection.RoundSteps.roundBody;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.selection.control.BallotReceipt;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;

/** A round decided by lot, from nominations to seated delegates, re-checked by the audit. */
class SortitionRoundIT extends ApiIT {

  private static final String BOUNDARY = "tribune-round-draw";

  private static JsonObject quota(String category, String feature, int min, int max) {
    return Json.createObjectBuilder()
        .add("category", category)
        .add("feature", feature)
        .add("min", min)
        .add("max", max)
        .build();
  }

  private long sortitionRound(SignedIn manager, String title, JsonObject quota) {
    return create(
        manager,
        roundBody(
            title + " " + UUID.randomUUID().toString().substring(0, 6),
            3,
            b -> b.add("method", "sortition").add("quotas", Json.createArrayBuilder().add(quota))));
  }

  private Map<String, Long> volunteers(long round) {
    RoundSteps steps = new RoundSteps(base());
    Map<String, Long> ids = new LinkedHashMap<>();
    ids.put(
        "dev1",
        nominateSelf(steps.member("Lot Dev One", "developer", "EU, North", "Redmi"), round));
    ids.put("dev2", nominateSelf(steps.member("Lot Dev Two", "developer", "IN", "POCO"), round));
    ids.put("cas1", nominateSelf(steps.member("Lot Cas One", "casual", "IN", "POCO"), round));
    ids.put("cas2", nominateSelf(steps.member("Lot Cas Two", "casual", "BR", "Redmi"), round));
    ids.put("cas3", nominateSelf(steps.member("Lot Cas Three", "casual", "JP", "POCO"), round));
    ids.put("cre1", nominateSelf(steps.member("Lot Cre One", "creator", "BR", "Xiaomi 14"), round));
    return ids;
  }

  private static void toCounting(SignedIn manager, long round) {
    advance(manager, round, "endorsement");
    advance(manager, round, "voting");
    advance(manager, round, "counting");
  }

  @Test
  void aSortitionRoundDrawsAPanelThatMeetsItsQuotasAndAnyoneCanReCheckIt() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round = sortitionRound(manager, "Panel by lot", quota("member_type", "developer", 1, 1));
    Map<String, Long> ids = volunteers(round);
    advance(manager, round, "endorsement");
    advance(manager, round, "voting");
    Response ballot =
        RoundSteps.vote(members().signUp("lot-voter"), round, List.of(ids.get("dev1")));
    assertEquals(409, ballot.status(), "a sortition round takes no ballots: " + ballot);
    advance(manager, round, "counting");
    assertEquals(409, anonymous().get("/api/v1/selection/rounds/" + round + "/draw").status());

    Response counted = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(200, counted.status(), counted.toString());
    JsonObject draw = anonymous().get("/api/v1/selection/rounds/" + round + "/draw").object();
    assertEquals(counted.object(), draw);
    assertEquals("leximin", draw.getString("method"));

    // Exactly one developer; LEXIMIN gives every one of the six volunteers 1/2.
    assertEquals(6, draw.getJsonArray("volunteers").size());
    double sum = 0;
    Set<Long> selected = new HashSet<>();
    for (JsonValue v : draw.getJsonArray("volunteers")) {
      JsonObject volunteer = v.asJsonObject();
      assertEquals(0.5, volunteer.getJsonNumber("probability").doubleValue(), 1e-6, v.toString());
      sum += volunteer.getJsonNumber("probability").doubleValue();
      if (volunteer.getBoolean("selected")) {
        selected.add(volunteer.getJsonNumber("nominationId").longValue());
      }
    }
    assertEquals(3.0, sum, 1e-6);
    assertEquals(3, draw.getJsonArray("panel").size());
    assertEquals(3, selected.size());
    assertEquals(
        1,
        selected.stream()
            .filter(n -> n.equals(ids.get("dev1")) || n.equals(ids.get("dev2")))
            .count());
    JsonObject check = draw.getJsonArray("quotaCheck").getJsonObject(0);
    assertEquals(1, check.getInt("seats"));
    assertTrue(check.getBoolean("met"));
    assertTrue(draw.getJsonArray("panels").size() >= 2, draw.toString());

    // The seed was committed at creation.
    JsonObject published = anonymous().get("/api/v1/selection/rounds/" + round).object();
    assertEquals("published", published.getString("phase"));
    assertEquals(draw.getString("seed"), published.getString("seed"));
    assertEquals(published.getString("seedSha256"), BallotReceipt.sha256(draw.getString("seed")));

    // The stored result is served byte for byte under its SHA-256.
    Response result =
        RoundSteps.text(anonymous(), "/api/v1/selection/rounds/" + round + "/draw/result.json");
    assertEquals(200, result.status());
    assertEquals(draw.getString("resultSha256"), BallotReceipt.sha256(result.body()));

    // The drawn members are delegates now.
    Set<Long> seated = new HashSet<>();
    for (JsonValue d : anonymous().get("/api/v1/selection/delegates").json().asJsonArray()) {
      if (d.asJsonObject().getJsonNumber("roundId").longValue() == round) {
        seated.add(d.asJsonObject().getJsonObject("member").getJsonNumber("id").longValue());
      }
    }
    assertEquals(3, seated.size());

    // Anyone re-checks: the same files, seats and seed give the same probabilities and panel.
    String categories =
        RoundSteps.text(anonymous(), "/api/v1/selection/rounds/" + round + "/pool/categories.csv")
            .body();
    String respondents =
        RoundSteps.text(anonymous(), "/api/v1/selection/rounds/" + round + "/pool/respondents.csv")
            .body();
    assertEquals(draw.getString("categoriesSha256"), BallotReceipt.sha256(categories));
    assertEquals(draw.getString("respondentsSha256"), BallotReceipt.sha256(respondents));
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("categories", categories);
    parts.put("respondents", respondents);
    parts.put("size", "3");
    parts.put("seed", draw.getString("seed"));
    Response audit = multipart(parts);
    assertEquals(200, audit.status(), audit.toString());
    JsonObject recheck = audit.object();
    JsonObject stored = Json.createReader(new java.io.StringReader(result.body())).readObject();
    assertEquals(
        stored.getJsonObject("probabilities").keySet(),
        recheck.getJsonObject("probabilities").keySet());
    for (String id : stored.getJsonObject("probabilities").keySet()) {
      assertEquals(
          stored.getJsonObject("probabilities").getJsonNumber(id).doubleValue(),
          recheck.getJsonObject("probabilities").getJsonNumber(id).doubleValue(),
          1e-9,
          id);
    }
    assertEquals(stored.getJsonArray("panel"), recheck.getJsonArray("panel"));
    assertEquals(stored.getJsonNumber("draw"), recheck.getJsonNumber("draw"));

    Response again = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(409, again.status());
  }

  @Test
  void quotasThePoolCannotMeetAreA422NamingTheQuotaAndNothingIsDrawn() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round = sortitionRound(manager, "Impossible lot", quota("member_type", "creator", 2, 3));
    volunteers(round);
    toCounting(manager, round);
    Response r = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(422, r.status(), r.toString());
    assertEquals("sortition-infeasible", r.problemType());
    assertEquals("member_type", r.object().getString("category"));
    assertEquals("creator", r.object().getString("feature"));
    assertTrue(r.object().getString("detail").contains("member_type=creator"), r.toString());
    JsonObject after = anonymous().get("/api/v1/selection/rounds/" + round).object();
    assertEquals("counting", after.getString("phase"));
    assertEquals(409, anonymous().get("/api/v1/selection/rounds/" + round + "/draw").status());
    for (JsonValue d :
        anonymous().get("/api/v1/selection/delegates?all=true").json().asJsonArray()) {
      assertTrue(d.asJsonObject().getJsonNumber("roundId").longValue() != round, d.toString());
    }
  }

  @Test
  void aPoolSmallerThanTheSeatsIsRefused() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round = sortitionRound(manager, "Tiny lot", quota("member_type", "casual", 0, 3));
    RoundSteps steps = new RoundSteps(base());
    nominateSelf(steps.member("Lonely Lot", "casual", "IN", "POCO"), round);
    toCounting(manager, round);
    Response r = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(409, r.status(), r.toString());
    assertEquals("pool-too-small", r.problemType());
  }

  @Test
  void aCombinedRoundDrawsItsShortlistByLotThenElects() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    RoundSteps steps = new RoundSteps(base());
    Response tooShort =
        manager
            .client()
            .post(
                "/api/v1/selection/rounds",
                roundBody("Combined, no shortlist", 2, b -> b.add("method", "combined"))
                    .build()
                    .toString());
    assertEquals(400, tooShort.status(), tooShort.toString());
    assertTrue(tooShort.object().getJsonArray("errors").toString().contains("shortlistSize"));

    long round =
        create(
            manager,
            roundBody(
                "Combined " + UUID.randomUUID().toString().substring(0, 6),
                1,
                b ->
                    b.add("method", "combined")
                        .add("shortlistSize", 2)
                        .add(
                            "quotas",
                            Json.createArrayBuilder()
                                .add(quota("member_type", "developer", 1, 1)))));
    long dev = nominateSelf(steps.member("Comb Dev", "developer", "IN", "POCO"), round);
    long casA = nominateSelf(steps.member("Comb Cas A", "casual", "BR", "Redmi"), round);
    long casB = nominateSelf(steps.member("Comb Cas B", "casual", "JP", "Redmi"), round);
    advance(manager, round, "endorsement");
    advance(manager, round, "voting");
    JsonObject ballot = anonymous().get("/api/v1/selection/rounds/" + round + "/ballot").object();
    List<Long> shortlisted =
        ballot.getJsonArray("candidates").stream()
            .map(c -> c.asJsonObject().getJsonNumber("nominationId").longValue())
            .toList();
    assertEquals(2, shortlisted.size(), ballot.toString());
    assertTrue(shortlisted.contains(dev), "the developer minimum carries over to the shortlist");
    // Before the count the draw (and its seed) stays unpublished.
    assertEquals(409, anonymous().get("/api/v1/selection/rounds/" + round + "/draw").status());
    long other = shortlisted.get(0).equals(dev) ? shortlisted.get(1) : shortlisted.get(0);
    assertEquals(
        201, RoundSteps.vote(members().signUp("comb-voter"), round, List.of(other)).status());
    advance(manager, round, "counting");
    Response counted = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(200, counted.status(), counted.toString());
    // The only ballot ranks the casual nominee, but the round's quota (exactly one developer on
    // one seat) binds the election too: the casual is excluded at the threshold, Dev is elected.
    assertEquals(
        dev,
        counted
            .object()
            .getJsonArray("winners")
            .getJsonObject(0)
            .getJsonNumber("nominationId")
            .longValue());
    assertTrue(counted.object().getBoolean("quotasEnforced"));

    JsonObject draw = anonymous().get("/api/v1/selection/rounds/" + round + "/draw").object();
    assertEquals(2, draw.getInt("size"));
    assertEquals(draw.getString("seed"), counted.object().getString("seed") + ":shortlist");
    for (JsonValue v : draw.getJsonArray("volunteers")) {
      JsonObject volunteer = v.asJsonObject();
      long id = volunteer.getJsonNumber("nominationId").longValue();
      assertEquals(
          id == dev ? 1.0 : 0.5,
          volunteer.getJsonNumber("probability").doubleValue(),
          1e-6,
          v.toString());
      assertEquals(shortlisted.contains(id), volunteer.getBoolean("selected"));
    }
    assertTrue(List.of(casA, casB).contains(other));
  }

  private Response multipart(Map<String, String> parts) {
    StringBuilder out = new StringBuilder();
    parts.forEach(
        (name, value) ->
            out.append("--")
                .append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    out.append("--").append(BOUNDARY).append("--\r\n");
    return anonymous()
        .send(
            "POST",
            "/api/v1/selection/panels",
            out.toString(),
            Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY));
  }
}
