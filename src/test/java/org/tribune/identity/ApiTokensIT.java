package org.tribune.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members;

class ApiTokensIT extends ApiIT {

  private static JsonObject issue(Members.SignedIn member, String name) {
    ApiClient.Response created =
        member.client().post("/api/v1/me/tokens", "{\"name\":\"" + name + "\"}");
    assertEquals(201, created.status(), created.toString());
    return created.object();
  }

  @Test
  void issuedTokenAuthenticatesUntilRevoked() {
    Members.SignedIn ana = members().signUp("ana");
    JsonObject issued = issue(ana, "ci");
    String token = issued.getString("token");
    assertTrue(token.startsWith("trb_"), token);

    ApiClient bearer = anonymous().withBearer(token);
    ApiClient.Response me = bearer.get("/api/v1/me");
    assertEquals(200, me.status(), me.toString());
    assertEquals(ana.id(), me.object().getJsonNumber("id").longValue());

    assertEquals(204, bearer.delete("/api/v1/me/tokens/" + issued.getInt("id")).status());
    ApiClient.Response after = bearer.get("/api/v1/me");
    assertEquals(401, after.status());
    assertEquals("unauthenticated", after.problemType());
  }

  @Test
  void aTokensUseIsRecordedShortlyAfterwards() throws InterruptedException {
    Members.SignedIn ana = members().signUp("ana");
    JsonObject issued = issue(ana, "phone");
    assertEquals(200, anonymous().withBearer(issued.getString("token")).get("/api/v1/me").status());
    // Uses are written in batches every few seconds, off the request's path.
    boolean recorded = false;
    for (int i = 0; i < 60 && !recorded; i++) {
      JsonObject token =
          ana.client().get("/api/v1/me/tokens").json().asJsonArray().getJsonObject(0);
      recorded = token.containsKey("lastUsedAt") && !token.isNull("lastUsedAt");
      if (!recorded) {
        Thread.sleep(500);
      }
    }
    assertTrue(recorded, "lastUsedAt was never written");
  }

  @Test
  void bearerRequestsNeedNoCsrfToken() {
    Members.SignedIn ana = members().signUp("ana");
    ApiClient bearer = anonymous().withBearer(issue(ana, "ci").getString("token"));
    assertEquals(201, bearer.post("/api/v1/me/tokens", "{\"name\":\"second\"}").status());
  }

  @Test
  void listShowsNamesButNeverTheSecret() {
    Members.SignedIn ana = members().signUp("ana");
    issue(ana, "laptop");
    ApiClient.Response list = ana.client().get("/api/v1/me/tokens");
    assertEquals(200, list.status());
    JsonObject first = list.json().asJsonArray().getJsonObject(0);
    assertEquals("laptop", first.getString("name"));
    assertFalse(first.containsKey("token"));
  }

  @Test
  void anotherMembersTokenIsNotFoundAndKeepsWorking() {
    Members.SignedIn ana = members().signUp("ana");
    Members.SignedIn bo = members().signUp("bo");
    JsonObject anas = issue(ana, "ci");

    ApiClient.Response response = bo.client().delete("/api/v1/me/tokens/" + anas.getInt("id"));
    assertEquals(404, response.status());
    assertEquals("not-found", response.problemType());
    assertEquals(200, anonymous().withBearer(anas.getString("token")).get("/api/v1/me").status());
  }

  @Test
  void unknownBearerTokenIsA401EvenOnPublicResources() {
    ApiClient.Response response =
        anonymous().withBearer("trb_" + "x".repeat(43)).get("/api/v1/members/1");
    assertEquals(401, response.status());
    assertEquals("unauthenticated", response.problemType());
  }

  @Test
  void adminRevocationOfAMembersTokenIsAudited() {
    Members.SignedIn ana = members().signUp("ana");
    JsonObject issued = issue(ana, "leaked");
    Members.SignedIn admin = members().admin();
    String path = "/api/v1/members/" + ana.id() + "/tokens/" + issued.getInt("id");
    assertEquals(204, admin.client().delete(path).status());
    assertEquals(401, anonymous().withBearer(issued.getString("token")).get("/api/v1/me").status());
    JsonObject latest =
        admin.client().get("/api/v1/audit?limit=20").object().getJsonArray("items").stream()
            .map(v -> v.asJsonObject())
            .filter(e -> e.getString("action").equals("api-token.revoke"))
            .filter(e -> e.getString("subjectId").equals(Integer.toString(issued.getInt("id"))))
            .findFirst()
            .orElseThrow();
    assertEquals(admin.id(), latest.getJsonNumber("actorId").longValue());
  }
}
