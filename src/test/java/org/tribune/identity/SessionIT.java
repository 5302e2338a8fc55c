package org.tribune.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members;

class SessionIT extends ApiIT {

  @Test
  void wrongPasswordIsA401Problem() {
    Members.SignedIn ana = members().signUp("ana");
    ApiClient.Response response =
        anonymous().post("/api/v1/session", SignInRequests.json(ana.email(), "not-the-password"));
    assertEquals(401, response.status());
    assertEquals("unauthenticated", response.problemType());
  }

  @Test
  void unknownEmailGetsTheSameAnswerAsAWrongPassword() {
    ApiClient.Response response =
        anonymous()
            .post(
                "/api/v1/session",
                SignInRequests.json(Members.uniqueEmail("nobody"), "not-the-password"));
    assertEquals(401, response.status());
    assertEquals("The email or the password is wrong.", response.object().getString("detail"));
  }

  @Test
  void signInIsCaseInsensitiveOnTheEmail() {
    Members.SignedIn ana = members().signUp("ana");
    assertEquals(
        200, SignInRequests.signInStatus(anonymous(), ana.email().toUpperCase(), Members.PASSWORD));
  }

  @Test
  void tenFailuresForOneEmailAreThrottled() {
    Members.SignedIn bo = members().signUp("bo");
    for (int i = 0; i < 10; i++) {
      assertEquals(
          401, SignInRequests.signInStatus(anonymous(), bo.email(), "wrong-password-" + i));
    }
    ApiClient.Response throttled =
        anonymous().post("/api/v1/session", SignInRequests.json(bo.email(), Members.PASSWORD));
    assertEquals(429, throttled.status());
    assertEquals("rate-limited", throttled.problemType());
    assertTrue(Integer.parseInt(throttled.header("Retry-After").orElseThrow()) > 0);
  }

  @Test
  void changeWithoutCsrfTokenIsRefusedAndChangesNothing() {
    Members.SignedIn ana = members().signUp("ana");
    ApiClient client = ana.client();
    String token = client.csrfToken();
    client.csrfToken(null);

    ApiClient.Response refused = client.patch("/api/v1/me", "{\"displayName\":\"Mallory\"}");
    assertEquals(403, refused.status());
    assertEquals("csrf-token-missing", refused.problemType());

    client.csrfToken("not-the-token");
    assertEquals(403, client.patch("/api/v1/me", "{\"displayName\":\"Mallory\"}").status());

    client.csrfToken(token);
    assertTrue(client.get("/api/v1/me").object().getString("displayName").startsWith("ana"));
  }

  @Test
  void changeWithTheCsrfTokenIsAccepted() {
    Members.SignedIn ana = members().signUp("ana");
    ApiClient.Response changed =
        ana.client().patch("/api/v1/me", "{\"displayName\":\"Ana Li\",\"locale\":\"zh-CN\"}");
    assertEquals(200, changed.status(), changed.toString());
    assertEquals("Ana Li", changed.object().getString("displayName"));
    assertEquals("zh-CN", changed.object().getString("locale"));
  }

  @Test
  void signOutEndsTheSession() {
    Members.SignedIn ana = members().signUp("ana");
    ApiClient client = ana.client();
    assertEquals(204, client.delete("/api/v1/session").status());
    ApiClient.Response after = client.get("/api/v1/me");
    assertEquals(401, after.status());
    assertEquals("unauthenticated", after.problemType());
    assertEquals(401, client.get("/api/v1/session").status());
  }

  @Test
  void anonymousRequestToAProtectedResourceIsA401ProblemNotAnHtmlPage() {
    ApiClient.Response response = anonymous().get("/api/v1/me");
    assertEquals(401, response.status());
    assertEquals("unauthenticated", response.problemType());
  }

  @Test
  void publicProfileHidesTheEmailFromOthersButNotFromSelfOrAdmin() {
    Members.SignedIn ana = members().signUp("ana");
    String path = "/api/v1/members/" + ana.id();
    assertTrue(anonymous().get(path).object().get("email") == null);
    assertTrue(members().signUp("bo").client().get(path).object().get("email") == null);
    assertEquals(ana.email(), ana.client().get(path).object().getString("email"));
    assertEquals(ana.email(), members().admin().client().get(path).object().getString("email"));
  }
}
