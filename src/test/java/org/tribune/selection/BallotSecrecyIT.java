package org.tribune.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.selection.RoundSteps.advance;
import static org.tribune.selection.RoundSteps.create;
import static org.tribune.selection.RoundSteps.endorse;
import static org.tribune.selection.RoundSteps.nominateSelf;
import static org.tribune.selection.RoundSteps.roundBody;
import static org.tribune.selection.RoundSteps.vote;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members;
import org.tribune.testsupport.Members.SignedIn;

/**
 * Nobody, an admin included, can link a member to a ranking. The test casts a ballot, then walks
 * every GET endpoint the OpenAPI document lists with an admin's bearer token (admin and community
 * manager at once), filling path parameters with this round's ids and the voter's id, before and
 * after the count, and checks that the voter's receipt and nonce appear nowhere except in the
 * published receipt list, which names no member.
 */
class BallotSecrecyIT extends ApiIT {

  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)\\}");

  @Test
  void anAdminCannotReadWhoRankedWhom() {
    RoundSteps steps = new RoundSteps(base());
    SignedIn manager = members().withRoles("secrecy-manager", "community_manager", "admin");
    ApiClient admin = manager.client().withBearer(token(manager));
    long round = create(manager, roundBody("Secrecy round", 1, b -> {}));
    SignedIn a = steps.member("Secret A", "casual", "BR", "Redmi");
    SignedIn b = steps.member("Secret B", "developer", "IN", "POCO");
    long an = nominateSelf(a, round);
    long bn = nominateSelf(b, round);
    Response question =
        a.client().post("/api/v1/selection/rounds/" + round + "/questions", "{\"body\":\"Why?\"}");
    long q = question.object().getJsonNumber("id").longValue();
    advance(manager, round, "endorsement");
    SignedIn voter = steps.member("Secret voter", "creator", "JP", "Xiaomi 14");
    assertEquals(201, endorse(voter, round, bn).status());
    advance(manager, round, "voting");
    Response cast = vote(voter, round, List.of(bn, an));
    assertEquals(201, cast.status(), cast.toString());
    String receipt = cast.object().getString("receipt");
    String nonce = cast.object().getString("nonce");
    Response other = vote(members().signUp("secrecy-other"), round, List.of(an));
    assertEquals(201, other.status());

    Map<String, String> ids =
        Map.of(
            "round", Long.toString(round),
            "nid", Long.toString(bn),
            "qid", Long.toString(q),
            "member", Long.toString(voter.id()));

    // While voting runs: the receipt and nonce are nowhere, and no endpoint lists ballots.
    List<String> visited = walk(admin, ids, receipt, nonce, Set.of());
    assertTrue(visited.size() > 10, "the walk reached the API: " + visited);
    assertTrue(
        visited.stream().anyMatch(p -> p.contains("/selection/rounds/" + round + "/ballot")),
        visited.toString());
    assertEquals(405, admin.get("/api/v1/selection/rounds/" + round + "/ballots").status());
    assertEquals(404, admin.get("/api/v1/selection/rounds/" + round + "/voters").status());

    advance(manager, round, "counting");
    assertEquals(200, admin.post("/api/v1/selection/rounds/" + round + "/count", null).status());

    // After the count the receipt is published, once, with its ranking and line and no member.
    String receiptsPath = "/api/v1/selection/rounds/" + round + "/results/receipts";
    walk(admin, ids, receipt, nonce, Set.of(receiptsPath));
    Response receipts = admin.get(receiptsPath);
    assertTrue(receipts.body().contains(receipt));
    for (JsonValue item : receipts.json().asJsonArray()) {
      assertEquals(Set.of("receipt", "line", "ranking"), ((JsonObject) item).keySet());
    }
    assertFalse(receipts.body().contains(voter.email()));
    assertFalse(receipts.body().contains("Secret voter"));

    // The audit log holds no ballot and nothing about the voter.
    Response audit = admin.get("/api/v1/audit?limit=200");
    assertEquals(200, audit.status());
    for (JsonValue entry : audit.object().getJsonArray("items")) {
      JsonObject e = (JsonObject) entry;
      assertFalse(e.getString("action").contains("ballot"), e.toString());
      assertFalse(
          e.getString("subjectId").equals(Long.toString(voter.id()))
              && e.getString("subjectType").equals("member"),
          e.toString());
    }
  }

  /**
   * GETs every path of the OpenAPI document; asserts the secrets appear only in {@code allowed};
   * returns the paths visited.
   */
  private List<String> walk(
      ApiClient admin, Map<String, String> ids, String receipt, String nonce, Set<String> allowed) {
    JsonObject openapi =
        admin
            .send("GET", "/openapi?format=JSON", null, Map.of("Accept", "application/json"))
            .object();
    List<String> visited = new ArrayList<>();
    for (Map.Entry<String, JsonValue> path : openapi.getJsonObject("paths").entrySet()) {
      JsonObject operations = (JsonObject) path.getValue();
      if (!operations.containsKey("get")) {
        continue;
      }
      String concrete = fill(path.getKey(), ids);
      String url = concrete.startsWith("/api/v1") ? concrete : "/api/v1" + concrete;
      Response response =
          admin.send("GET", url, null, Map.of("Accept", "application/json, text/plain, */*"));
      visited.add(url + " " + response.status());
      assertTrue(response.status() < 500, url + " → " + response);
      if (allowed.contains(url)) {
        continue;
      }
      assertFalse(response.body().contains(receipt), url + " shows the voter's receipt");
      assertFalse(response.body().contains(nonce), url + " shows the voter's nonce");
    }
    return visited;
  }

  private static String fill(String template, Map<String, String> ids) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value;
      if (template.contains("selection/rounds") && name.equals("id")) {
        value = ids.get("round");
      } else if (name.equals("nid")) {
        value = ids.get("nid");
      } else if (name.equals("qid")) {
        value = ids.get("qid");
      } else {
        value = ids.get("member");
      }
      m.appendReplacement(out, value);
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String token(SignedIn member) {
    Response r =
        member
            .client()
            .post(
                "/api/v1/me/tokens",
                Json.createObjectBuilder().add("name", "secrecy").build().toString());
    assertEquals(201, r.status(), r.toString());
    return r.object().getString("token");
  }

  static String password() {
    return Members.PASSWORD;
  }
}
