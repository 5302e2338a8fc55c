package org.tribune.releases;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.Members;
import org.tribune.testsupport.Members.SignedIn;

/**
 * Builds, devices, installs and testers through the API, for the release tests. Time is never
 * faked: builds are published with release dates in the past, and installs that happened earlier
 * are reported as a device integration does (a bearer token with installedAt).
 */
public final class ReleaseFixtures {

  private final Members members;
  private SignedIn manager;

  public ReleaseFixtures(Members members) {
    this.members = members;
  }

  public SignedIn manager() {
    if (manager == null) {
      manager = members.withRoles("cm", "community_manager");
    }
    return manager;
  }

  /** A new device model with a unique code; returns its id. */
  public long device() {
    String code = "dev-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClient.Response created =
        manager()
            .client()
            .post(
                "/api/v1/devices",
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("name", "Phone " + code)
                    .build()
                    .toString());
    check(created, 201);
    return created.object().getJsonNumber("id").longValue();
  }

  public String code(long deviceId) {
    for (var d : manager().client().get("/api/v1/devices").json().asJsonArray()) {
      if (d.asJsonObject().getJsonNumber("id").longValue() == deviceId) {
        return d.asJsonObject().getString("code");
      }
    }
    throw new AssertionError("no device " + deviceId);
  }

  /** Publishes a build released {@code ago} ago (negative: in the future). */
  public JsonObject build(long deviceId, Duration ago, Long... ideas) {
    JsonArrayBuilder lines = Json.createArrayBuilder().add(line("Faster camera start-up", null));
    for (Long idea : ideas) {
      lines.add(line("Ships idea " + idea, idea));
    }
    ApiClient.Response created =
        manager()
            .client()
            .post(
                "/api/v1/builds",
                Json.createObjectBuilder()
                    .add("deviceId", deviceId)
                    .add("version", "OS2.0." + UUID.randomUUID().toString().substring(0, 6))
                    .add("releaseAt", Instant.now().minus(ago).toString())
                    .add("changelog", lines)
                    .build()
                    .toString());
    check(created, 201);
    return created.object();
  }

  private static JsonObjectBuilder line(String text, Long idea) {
    JsonObjectBuilder line = Json.createObjectBuilder().add("text", text);
    if (idea != null) {
      line.add("ideaId", idea);
    }
    return line;
  }

  /** A client for the member's device integration (a bearer token). */
  public static ApiClient device(SignedIn member) {
    ApiClient.Response token =
        member
            .client()
            .post(
                "/api/v1/me/tokens",
                Json.createObjectBuilder().add("name", "phone").build().toString());
    check(token, 201);
    return member.client().withBearer(token.object().getString("token"));
  }

  /** Reports an install that happened {@code ago} ago, as the member's phone would. */
  public static void installedAgo(SignedIn member, long buildId, Duration ago) {
    ApiClient.Response installed =
        device(member)
            .post(
                "/api/v1/builds/" + buildId + "/install",
                Json.createObjectBuilder()
                    .add("installedAt", Instant.now().minus(ago).toString())
                    .build()
                    .toString());
    check(installed, 201);
  }

  public SignedIn tester(long deviceId) {
    SignedIn tester = members.signUp("tester");
    ApiClient.Response invited =
        manager()
            .client()
            .post(
                "/api/v1/testers",
                Json.createObjectBuilder()
                    .add("memberId", tester.id())
                    .add("deviceId", deviceId)
                    .build()
                    .toString());
    check(invited, 201);
    return tester;
  }

  public static ApiClient.Response rate(ApiClient client, long buildId, int stars) {
    return client.post(
        "/api/v1/builds/" + buildId + "/ratings",
        Json.createObjectBuilder()
            .add("stars", stars)
            .add("comment", "Rated " + stars)
            .add("tags", Json.createArrayBuilder().add("battery"))
            .build()
            .toString());
  }

  public static ApiClient.Response verdict(ApiClient client, long buildId, boolean good) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("verdict", good ? "good" : "bad")
            .add("evidence", good ? "Daily use fine." : "Boot loop after update.")
            .add("logRef", "bugreport-123");
    if (!good) {
      body.add("severity", "P1");
    }
    return client.post("/api/v1/builds/" + buildId + "/verdicts", body.build().toString());
  }

  public static void check(ApiClient.Response response, int status) {
    if (response.status() != status) {
      throw new AssertionError("Expected " + status + ": " + response);
    }
  }
}
