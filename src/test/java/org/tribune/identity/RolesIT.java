package org.tribune.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members;

class RolesIT extends ApiIT {

  private static final String GRANT = "{\"roles\":[\"member\",\"delegate\"]}";

  @Test
  void anonymousCannotGrantRoles() {
    Members.SignedIn ana = members().signUp("ana");
    ApiClient.Response response = anonymous().put("/api/v1/members/" + ana.id() + "/roles", GRANT);
    assertEquals(401, response.status());
    assertEquals("unauthenticated", response.problemType());
  }

  @Test
  void memberCannotGrantRolesNotEvenToThemselves() {
    Members.SignedIn ana = members().signUp("ana");
    ApiClient.Response response = ana.client().put("/api/v1/members/" + ana.id() + "/roles", GRANT);
    assertEquals(403, response.status());
    assertEquals("forbidden", response.problemType());
    assertEquals(
        "[\"member\"]", ana.client().get("/api/v1/me").object().getJsonArray("roles").toString());
  }

  @Test
  void adminGrantTakesEffectOnTheMembersExistingSessionAndIsAudited() {
    Members.SignedIn ana = members().signUp("ana");
    Members.SignedIn admin = members().admin();
    ApiClient.Response granted =
        admin.client().put("/api/v1/members/" + ana.id() + "/roles", GRANT);
    assertEquals(200, granted.status(), granted.toString());
    assertEquals("[\"delegate\",\"member\"]", granted.object().getJsonArray("roles").toString());

    JsonObject entry =
        admin.client().get("/api/v1/audit?limit=50").object().getJsonArray("items").stream()
            .map(v -> v.asJsonObject())
            .filter(e -> e.getString("action").equals("member.roles.replace"))
            .filter(e -> e.getString("subjectId").equals(Long.toString(ana.id())))
            .findFirst()
            .orElseThrow();
    assertEquals("member", entry.getString("before"));
    assertEquals("delegate,member", entry.getString("after"));
    assertEquals(admin.id(), entry.getJsonNumber("actorId").longValue());
  }

  @Test
  void grantWithoutCsrfTokenIsRefusedAndChangesNothing() {
    Members.SignedIn ana = members().signUp("ana");
    ApiClient admin = members().admin().client();
    admin.csrfToken(null);
    ApiClient.Response response = admin.put("/api/v1/members/" + ana.id() + "/roles", GRANT);
    assertEquals(403, response.status());
    assertEquals("csrf-token-missing", response.problemType());
    assertEquals(
        "[\"member\"]", ana.client().get("/api/v1/me").object().getJsonArray("roles").toString());
  }

  @Test
  void unknownRoleIsAFieldError() {
    Members.SignedIn ana = members().signUp("ana");
    ApiClient.Response response =
        members()
            .admin()
            .client()
            .put("/api/v1/members/" + ana.id() + "/roles", "{\"roles\":[\"root\"]}");
    assertEquals(400, response.status());
    assertEquals(
        "roles", response.object().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void auditLogIsForAdminsOnly() {
    assertEquals(401, anonymous().get("/api/v1/audit").status());
    ApiClient.Response member = members().signUp("ana").client().get("/api/v1/audit");
    assertEquals(403, member.status());
    assertEquals("forbidden", member.problemType());
    ApiClient.Response admin = members().admin().client().get("/api/v1/audit?limit=5&offset=0");
    assertEquals(200, admin.status());
    assertTrue(admin.object().getJsonArray("items").size() <= 5);
    assertTrue(admin.object().getJsonNumber("total").longValue() >= 1);
  }

  @Test
  void auditPagingRejectsNonsense() {
    ApiClient.Response response = members().admin().client().get("/api/v1/audit?limit=abc");
    assertEquals(400, response.status());
    assertEquals("invalid-input", response.problemType());
  }

  @Test
  void firstAdminComesFromConfiguration() {
    JsonObject me = members().admin().client().get("/api/v1/me").object();
    assertEquals(Members.ADMIN_EMAIL, me.getString("email"));
    assertTrue(me.getJsonArray("roles").toString().contains("\"admin\""));
  }
}
