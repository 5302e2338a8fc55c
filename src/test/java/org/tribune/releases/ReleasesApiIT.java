package org.tribune.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.releases.ReleaseFixtures.check;
import static org.tribune.releases.ReleaseFixtures.installedAgo;
import static org.tribune.releases.ReleaseFixtures.rate;
import static org.tribune.releases.ReleaseFixtures.verdict;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.releases.control.RolloutPlan;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;

class ReleasesApiIT extends ApiIT {

  private ReleaseFixtures fixtures() {
    return new ReleaseFixtures(members());
  }

  private static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  @Test
  void aMemberWhoHasNotInstalledTheBuildCannotRateIt() {
    ReleaseFixtures f = fixtures();
    long build = id(f.build(f.device(), Duration.ofDays(3)));
    SignedIn member = members().signUp("rater");
    ApiClient.Response refused = rate(member.client(), build, 4);
    assertEquals(422, refused.status());
    assertEquals("not-installed", refused.problemType());
    assertEquals(0, score(build).getInt("count"));
  }

  @Test
  void aRatingCountsOnlyAfterADayOnTheBuild() {
    ReleaseFixtures f = fixtures();
    long build = id(f.build(f.device(), Duration.ofDays(3)));
    SignedIn member = members().signUp("rater");
    check(member.client().post("/api/v1/builds/" + build + "/install", "{}"), 201);
    ApiClient.Response early = rate(member.client(), build, 5);
    assertEquals(422, early.status());
    assertEquals("too-early-to-rate", early.problemType());
    assertTrue(early.object().containsKey("eligibleAt"));
    assertEquals(0, score(build).getInt("count"));
  }

  @Test
  void aSecondRatingReplacesTheFirstWithinTheWindow() {
    ReleaseFixtures f = fixtures();
    long build = id(f.build(f.device(), Duration.ofDays(3)));
    SignedIn member = members().signUp("rater");
    installedAgo(member, build, Duration.ofDays(2));
    ApiClient.Response first = rate(member.client(), build, 2);
    assertEquals(201, first.status(), first.toString());
    ApiClient.Response second = rate(member.client(), build, 5);
    assertEquals(200, second.status(), second.toString());
    assertTrue(second.object().getBoolean("changed"));
    JsonObject score = score(build);
    assertEquals(1, score.getInt("count"));
    assertEquals(5.0, score.getJsonNumber("mean").doubleValue(), 1e-9);
    assertEquals(1, score.getJsonArray("distribution").getJsonNumber(4).intValue());
    assertEquals(0, score.getJsonArray("distribution").getJsonNumber(1).intValue());
  }

  @Test
  void afterTheWindowARatingIsKeptAsLateAndCannotBeChanged() {
    ReleaseFixtures f = fixtures();
    long build = id(f.build(f.device(), Duration.ofDays(10)));
    SignedIn member = members().signUp("rater");
    installedAgo(member, build, Duration.ofDays(9));
    ApiClient.Response late = rate(member.client(), build, 3);
    assertEquals(201, late.status(), late.toString());
    assertTrue(late.object().getBoolean("late"));
    ApiClient.Response change = rate(member.client(), build, 1);
    assertEquals(409, change.status());
    assertEquals("rating-window-closed", change.problemType());
    JsonObject score = score(build);
    assertEquals(0, score.getInt("count"));
    assertEquals(1, score.getInt("late"));
  }

  @Test
  void onlyTrustedTestersOfTheDeviceGiveVerdicts() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    long build = id(f.build(device, Duration.ofHours(1)));
    SignedIn member = members().signUp("member");
    installedAgo(member, build, Duration.ofMinutes(30));
    ApiClient.Response refused = verdict(member.client(), build, false);
    assertEquals(403, refused.status());
    assertEquals("not-a-tester", refused.problemType());

    SignedIn tester = f.tester(device);
    installedAgo(tester, build, Duration.ofHours(40));
    ApiClient.Response given = verdict(tester.client(), build, false);
    assertEquals(201, given.status(), given.toString());
    assertEquals(1, given.object().getInt("bad"));
  }

  @Test
  void threeBadVerdictsHaltTheRolloutAndOpenAFollowUp() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    long build = id(f.build(device, Duration.ofHours(1)));
    for (int i = 0; i < 3; i++) {
      SignedIn tester = f.tester(device);
      installedAgo(tester, build, Duration.ofHours(40));
      check(verdict(tester.client(), build, false), 201);
    }
    JsonObject view = anonymous().get("/api/v1/builds/" + build).object();
    assertTrue(view.getBoolean("notRecommended"));
    assertEquals("bad", view.getJsonObject("verdict").getString("state"));
    assertTrue(view.getJsonObject("rollout").getBoolean("halted"));
    assertTrue(view.getJsonObject("followUp").containsKey("dueAt"));
    JsonObject offer =
        anonymous().get("/api/v1/ota/offer?device=" + f.code(device) + "&deviceId=x1").object();
    assertFalse(offer.getBoolean("offer"));
    assertEquals("not-recommended", offer.getString("reason"));

    ApiClient.Response resume =
        f.manager()
            .client()
            .post("/api/v1/builds/" + build + "/rollout/resume", "{\"reason\":\"try\"}");
    assertEquals(409, resume.status());
    assertEquals("build-bad", resume.problemType());

    ApiClient.Response override =
        f.manager()
            .client()
            .post(
                "/api/v1/builds/" + build + "/override",
                "{\"decision\":\"ship_anyway\",\"reason\":\"Boot loop only on rooted phones.\"}");
    assertEquals(200, override.status(), override.toString());
    JsonObject after = override.object();
    assertFalse(after.getBoolean("notRecommended"));
    assertFalse(after.getJsonObject("rollout").getBoolean("halted"));
    assertEquals(
        "Boot loop only on rooted phones.",
        after.getJsonObject("verdict").getJsonObject("override").getString("reason"));
  }

  @Test
  void haltAndResumeKeepTheSameCohort() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    String code = f.code(device);
    // 2.5 days after the release the default plan is at its third step, 5 %.
    long build = id(f.build(device, Duration.ofHours(60)));
    String inside = subject(build, true);
    String outside = subject(build, false);
    assertEquals(Map.of("offer", true, "percent", 5), offer(code, inside));
    assertEquals(Map.of("offer", false, "percent", 5), offer(code, outside));

    ApiClient.Response halted =
        f.manager()
            .client()
            .post("/api/v1/builds/" + build + "/rollout/halt", "{\"reason\":\"Crash reports\"}");
    assertEquals(200, halted.status(), halted.toString());
    assertTrue(halted.object().getJsonObject("rollout").getBoolean("halted"));
    assertEquals(Map.of("offer", false, "percent", 5), offer(code, inside));

    ApiClient.Response again =
        f.manager()
            .client()
            .post("/api/v1/builds/" + build + "/rollout/halt", "{\"reason\":\"Again\"}");
    assertEquals(409, again.status());
    assertEquals("rollout-halted", again.problemType());

    check(
        f.manager()
            .client()
            .post("/api/v1/builds/" + build + "/rollout/resume", "{\"reason\":\"Fixed\"}"),
        200);
    assertEquals(Map.of("offer", true, "percent", 5), offer(code, inside));
    assertEquals(Map.of("offer", false, "percent", 5), offer(code, outside));
  }

  @Test
  void theOtaEndpointNeedsADeviceAndOneSubject() {
    ApiClient.Response none = anonymous().get("/api/v1/ota/offer?device=x");
    assertEquals(400, none.status());
    assertEquals("invalid-input", none.problemType());
    ReleaseFixtures f = fixtures();
    long device = f.device();
    ApiClient.Response noBuild =
        anonymous().get("/api/v1/ota/offer?device=" + f.code(device) + "&member=12");
    assertEquals(200, noBuild.status());
    assertEquals("no-build", noBuild.object().getString("reason"));
    assertEquals(404, anonymous().get("/api/v1/ota/offer?device=nosuch&member=1").status());
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    long build = id(f.build(device, Duration.ofDays(3)));
    SignedIn member = members().signUp("rater");
    installedAgo(member, build, Duration.ofDays(2));
    for (String body :
        new String[] {
          "{\"stars\":6}",
          "{\"stars\":0}",
          "{\"stars\":3,\"tags\":[\"nonsense\"]}",
          "{\"stars\":\"x\"}",
          "{\"stars\":3,\"extra\":1}"
        }) {
      ApiClient.Response refused =
          member.client().post("/api/v1/builds/" + build + "/ratings", body);
      assertEquals(400, refused.status(), body + " → " + refused);
      assertTrue(refused.contentType().startsWith("application/problem+json"));
    }
    assertEquals(0, score(build).getInt("count"));

    ApiClient.Response cookieBackdate =
        member
            .client()
            .post(
                "/api/v1/builds/" + build + "/install",
                "{\"installedAt\":\"2020-01-01T00:00:00Z\"}");
    assertEquals(400, cookieBackdate.status());

    ApiClient.Response noChangelog =
        f.manager()
            .client()
            .post(
                "/api/v1/builds",
                Json.createObjectBuilder()
                    .add("deviceId", device)
                    .add("version", "X1")
                    .add("releaseAt", "2026-01-01T00:00:00Z")
                    .add("changelog", Json.createArrayBuilder())
                    .build()
                    .toString());
    assertEquals(400, noChangelog.status());
    ApiClient.Response badIdea =
        f.manager()
            .client()
            .post(
                "/api/v1/builds",
                Json.createObjectBuilder()
                    .add("deviceId", device)
                    .add("version", "X2")
                    .add("releaseAt", "2026-01-01T00:00:00Z")
                    .add(
                        "changelog",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("text", "x")
                                    .add("ideaId", 999999999)))
                    .build()
                    .toString());
    assertEquals(400, badIdea.status());
    assertEquals("invalid-input", badIdea.problemType());
    assertEquals(
        1,
        anonymous()
            .get("/api/v1/devices/" + device + "/builds")
            .object()
            .getJsonArray("builds")
            .size());

    ApiClient.Response notManager =
        member.client().post("/api/v1/builds/" + build + "/rollout/halt", "{\"reason\":\"no\"}");
    assertEquals(403, notManager.status());
  }

  private JsonObject score(long build) {
    return anonymous().get("/api/v1/builds/" + build).object().getJsonObject("score");
  }

  private Map<String, Object> offer(String code, String deviceId) {
    JsonObject o =
        anonymous().get("/api/v1/ota/offer?device=" + code + "&deviceId=" + deviceId).object();
    return Map.of("offer", o.getBoolean("offer"), "percent", o.getInt("percent"));
  }

  /** A device id whose cohort is inside (or outside) a 5 % rollout of the build. */
  private static String subject(long build, boolean inside) {
    for (int i = 0; ; i++) {
      String id = "phone" + i;
      boolean in = RolloutPlan.cohort(build, "device:" + id) < 500;
      if (in == inside) {
        return id;
      }
    }
  }
}
