package org.tribune.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members;

class SignUpIT extends ApiIT {

  private static String signUpBody(String email, String password) {
    return Json.createObjectBuilder()
        .add("email", email)
        .add("password", password)
        .add("displayName", "Ana")
        .add("locale", "zh-CN")
        .add("memberType", "power_user")
        .add("deviceLine", "Xiaomi 14")
        .add("region", "CN")
        .build()
        .toString();
  }

  @Test
  void signUpAnswersCreatedAndSignsTheMemberIn() {
    ApiClient client = anonymous();
    String email = Members.uniqueEmail("Ana");
    ApiClient.Response created =
        client.post("/api/v1/members", signUpBody(email, Members.PASSWORD));

    assertEquals(201, created.status(), created.toString());
    JsonObject member = created.object().getJsonObject("member");
    assertEquals(email.toLowerCase(), member.getString("email"));
    assertEquals("power_user", member.getString("memberType"));
    assertEquals("[\"member\"]", member.getJsonArray("roles").toString());
    assertTrue(
        created
            .header("Location")
            .orElseThrow()
            .endsWith("/api/v1/members/" + member.getInt("id")));
    String csrf = created.object().getString("csrfToken");

    ApiClient.Response me = client.get("/api/v1/me");
    assertEquals(200, me.status(), me.toString());
    assertEquals(member.getInt("id"), me.object().getInt("id"));
    ApiClient.Response session = client.get("/api/v1/session");
    assertEquals(csrf, session.object().getString("csrfToken"));
  }

  @Test
  void sessionCookieIsHttpOnlyLaxAndSiteWide() {
    ApiClient.Response created =
        anonymous().post("/api/v1/members", signUpBody(Members.uniqueEmail("c"), Members.PASSWORD));
    String cookie = created.header("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("tribune_session="), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    assertTrue(cookie.contains("Path=/;") || cookie.endsWith("Path=/"), cookie);
    assertFalse(cookie.contains("Secure"), "plain HTTP must not set Secure: " + cookie);
  }

  @Test
  void secondSignUpWithTheSameEmailInAnyCaseIsAConflict() {
    String email = Members.uniqueEmail("dup");
    assertEquals(
        201, anonymous().post("/api/v1/members", signUpBody(email, Members.PASSWORD)).status());
    ApiClient.Response again =
        anonymous().post("/api/v1/members", signUpBody(email.toUpperCase(), Members.PASSWORD));
    assertEquals(409, again.status());
    assertEquals("email-taken", again.problemType());
  }

  @Test
  void weakPasswordIsRefusedNamingTheField() {
    String email = Members.uniqueEmail("weak");
    ApiClient.Response response = anonymous().post("/api/v1/members", signUpBody(email, "short"));
    assertEquals(400, response.status());
    assertEquals("invalid-input", response.problemType());
    assertEquals(
        "password", response.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(401, SignInRequests.signInStatus(anonymous(), email, Members.PASSWORD));
  }

  @Test
  void everyBrokenProfileFieldIsNamed() {
    String body =
        Json.createObjectBuilder()
            .add("email", Members.uniqueEmail("fields"))
            .add("password", Members.PASSWORD)
            .add("displayName", "")
            .add("locale", "fr")
            .add("memberType", "lurker")
            .build()
            .toString();
    ApiClient.Response response = anonymous().post("/api/v1/members", body);
    assertEquals(400, response.status());
    assertEquals(3, response.object().getJsonArray("errors").size(), response.toString());
  }

  @Test
  void malformedJsonIsAProblem() {
    ApiClient.Response response = anonymous().post("/api/v1/members", "{\"email\":");
    assertEquals(400, response.status());
    assertEquals("malformed-body", response.problemType());
  }

  @Test
  void wrongJsonTypeIsAProblem() {
    ApiClient.Response response = anonymous().post("/api/v1/members", "{\"email\":[1]}");
    assertEquals(400, response.status());
    assertEquals("malformed-body", response.problemType());
  }

  @Test
  void unknownFieldIsRefusedAndNothingIsCreated() {
    String email = Members.uniqueEmail("unknown");
    String body =
        Json.createObjectBuilder(
                Json.createReader(new StringReader(signUpBody(email, Members.PASSWORD)))
                    .readObject())
            .add("roles", Json.createArrayBuilder().add("admin"))
            .build()
            .toString();
    ApiClient.Response response = anonymous().post("/api/v1/members", body);
    assertEquals(400, response.status(), response.toString());
    assertEquals("malformed-body", response.problemType());
    assertEquals(401, SignInRequests.signInStatus(anonymous(), email, Members.PASSWORD));
  }

  @Test
  void oversizeBodyIsRefused() {
    String body = "{\"email\":\"" + "a".repeat(70 * 1024) + "\"}";
    ApiClient.Response response = anonymous().post("/api/v1/members", body);
    assertEquals(413, response.status());
    assertEquals("body-too-large", response.problemType());
  }

  @Test
  void signUpWithoutJsonContentTypeIsRefused() {
    String email = Members.uniqueEmail("form");
    ApiClient.Response response =
        anonymous()
            .send(
                "POST",
                "/api/v1/members",
                signUpBody(email, Members.PASSWORD),
                Map.of("Content-Type", "text/plain"));
    assertEquals(415, response.status());
    assertEquals("unsupported-media-type", response.problemType());
  }
}
