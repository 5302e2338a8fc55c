package org.tribune.releases;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.Members;
import org.tribune.testsupport.Members.SignedIn;

/**
 * Builds, devices, installs and testers through the API, for the release tests. Time is never
 * faked: builds are published with release dates in the past, and installs that happened earlier
 * are reported as a phone does (its device token, with installedAt).
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

  /** Issues a device token for one of the member's phones of a device model. */
  public static String deviceToken(SignedIn member, long deviceId) {
    ApiClient.Response token =
        member
            .client()
            .post(
                "/api/v1/me/device-tokens",
                Json.createObjectBuilder()
                    .add("deviceId", deviceId)
                    .add("name", "phone")
                    .build()
                    .toString());
    check(token, 201);
    return token.object().getString("token");
  }

  /** A phone's report of an install at {@code at} (null: now), with its device token. */
  public static ApiClient.Response reportInstall(
      SignedIn member, String token, long buildId, Instant at) {
    var body = Json.createObjectBuilder().add("buildId", buildId);
    if (at != null) {
      body.add("installedAt", at.toString());
    }
    return new ApiClient(member.client().base())
        .send(
            "POST",
            "/api/v1/ota/installs",
            body.build().toString(),
            token == null ? Map.of() : Map.of("X-Device-Token", token));
  }

  /** Reports an install that happened {@code ago} ago, as the member's phone would. */
  public static void installedAgo(SignedIn member, long buildId, Duration ago) {
    long deviceId =
        member
            .client()
            .get("/api/v1/builds/" + buildId)
            .object()
            .getJsonObject("device")
            .getJsonNumber("id")
            .longValue();
    check(
        reportInstall(member, deviceToken(member, deviceId), buildId, Instant.now().minus(ago)),
        201);
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
