package org.tribune.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.releases.ReleaseFixtures.check;
import static org.tribune.releases.ReleaseFixtures.installedAgo;
import static org.tribune.releases.ReleaseFixtures.rate;
import static org.tribune.releases.ReleaseFixtures.verdict;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  // ---- tester applications: declined with a reason, seen by the applicant ----

  @Test
  void aDeclinedApplicantSeesTheReasonAndMayApplyAgainAtOnce() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    SignedIn applicant = members().signUp("applicant");
    ApiClient.Response never = applicant.client().get("/api/v1/testers/applications/mine");
    assertEquals(404, never.status(), never.toString());
    assertTrue(never.contentType().startsWith("application/problem+json"));

    long first = id(created(apply(applicant, device)));
    JsonObject pending = mine(applicant);
    assertEquals(first, id(pending));
    assertEquals("open", pending.getString("outcome"));
    assertTrue(absent(pending, "decidedAt"));
    assertTrue(openApplication(f, first).isPresent());

    ApiClient.Response declined =
        decline(f.manager(), first, "{\"reason\":\"  We have enough testers for now.  \"}");
    assertEquals(200, declined.status(), declined.toString());
    assertEquals("declined", declined.object().getString("outcome"));

    JsonObject outcome = mine(applicant);
    assertEquals(first, id(outcome));
    assertEquals("declined", outcome.getString("outcome"));
    assertEquals("We have enough testers for now.", outcome.getString("declineReason"));
    assertEquals(device, outcome.getJsonObject("device").getJsonNumber("id").longValue());
    assertFalse(Instant.parse(outcome.getString("decidedAt")).isAfter(Instant.now()));
    assertTrue(openApplication(f, first).isEmpty(), "no longer open");
    assertEquals(404, applicant.client().get("/api/v1/testers/me").status(), "never a tester");

    JsonObject audited =
        members()
            .admin()
            .client()
            .get("/api/v1/audit?limit=100")
            .object()
            .getJsonArray("items")
            .stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> e.getString("action").equals("tester.decline"))
            .filter(e -> e.getString("subjectId").equals(Long.toString(applicant.id())))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no tester.decline in the audit log"));
    assertEquals(f.manager().id(), audited.getJsonNumber("actorId").longValue());
    assertEquals("member", audited.getString("subjectType"));
    assertEquals("We have enough testers for now.", audited.getString("after"));

    ApiClient.Response twice = decline(f.manager(), first, "{\"reason\":\"Again.\"}");
    assertEquals(409, twice.status(), twice.toString());
    assertEquals("application-decided", twice.problemType());
    assertEquals("We have enough testers for now.", mine(applicant).getString("declineReason"));

    // No cool-down after a decline: the member applies again, and the latest application shows.
    long second = id(created(apply(applicant, device)));
    JsonObject again = mine(applicant);
    assertEquals(second, id(again));
    assertEquals("open", again.getString("outcome"));
    assertTrue(absent(again, "declineReason"));

    check(
        f.manager()
            .client()
            .post(
                "/api/v1/testers",
                "{\"memberId\":" + applicant.id() + ",\"deviceId\":" + device + "}"),
        201);
    assertEquals("invited", mine(applicant).getString("outcome"));
    ApiClient.Response afterInvite = decline(f.manager(), second, "{\"reason\":\"Too late.\"}");
    assertEquals(409, afterInvite.status(), afterInvite.toString());
    assertEquals("application-decided", afterInvite.problemType());
    assertEquals(
        "active", applicant.client().get("/api/v1/testers/me").object().getString("status"));
  }

  @Test
  void aDeclineNeedsACommunityManagerAReasonAndAnOpenApplicationAndChangesNothingOtherwise() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    SignedIn applicant = members().signUp("applicant");
    long application = id(created(apply(applicant, device)));
    String body = "{\"reason\":\"Not this week.\"}";

    ApiClient.Response anonymous = decline(null, application, body);
    assertEquals(401, anonymous.status(), anonymous.toString());
    assertEquals("unauthenticated", anonymous.problemType());
    for (SignedIn notManager :
        List.of(
            applicant, members().signUp("member"), members().withRoles("t", "trusted_tester"))) {
      ApiClient.Response refused = decline(notManager, application, body);
      assertEquals(403, refused.status(), refused.toString());
      assertEquals("forbidden", refused.problemType());
    }
    ApiClient.Response unknown = decline(f.manager(), 999_999_999L, body);
    assertEquals(404, unknown.status(), unknown.toString());
    assertEquals("not-found", unknown.problemType());
    assertEquals(
        404, f.manager().client().post("/api/v1/testers/applications/x/decline", body).status());

    for (String bad :
        new String[] {
          "{}",
          "{\"reason\":null}",
          "{\"reason\":\"\"}",
          "{\"reason\":\"   \"}",
          "{\"reason\":\"" + "x".repeat(1001) + "\"}",
          "{\"reason\":\"ok\",\"extra\":1}",
          "{\"reason\":[\"a\"]}",
          "{\"reason\":",
          "null"
        }) {
      ApiClient.Response refused = decline(f.manager(), application, bad);
      assertEquals(400, refused.status(), abbreviated(bad) + " → " + refused);
      assertTrue(refused.contentType().startsWith("application/problem+json"), refused.toString());
    }
    ApiClient.Response blank = decline(f.manager(), application, "{\"reason\":\"  \"}");
    assertEquals("invalid-input", blank.problemType());
    assertEquals(
        "reason", blank.object().getJsonArray("errors").getJsonObject(0).getString("field"));

    JsonObject unchanged = mine(applicant);
    assertEquals("open", unchanged.getString("outcome"));
    assertTrue(absent(unchanged, "declineReason"));
    assertTrue(openApplication(f, application).isPresent());
    boolean audited =
        members()
            .admin()
            .client()
            .get("/api/v1/audit?limit=100")
            .object()
            .getJsonArray("items")
            .stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                e ->
                    e.getString("action").equals("tester.decline")
                        && e.getString("subjectId").equals(Long.toString(applicant.id())));
    assertFalse(audited, "nothing audited for refused declines");

    // A reason of exactly 1000 characters is accepted.
    ApiClient.Response longest =
        decline(f.manager(), application, "{\"reason\":\"" + "y".repeat(1000) + "\"}");
    assertEquals(200, longest.status(), longest.toString());
    assertEquals(1000, mine(applicant).getString("declineReason").length());
  }

  @Test
  void aTesterWhoMissedTheNewestBuildIsWarnedAndSeesTheBuild() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    SignedIn tester = f.tester(device);
    // A build whose early window opens after the invitation and closes in a few seconds.
    String version = "OS5.0." + java.util.UUID.randomUUID().toString().substring(0, 6);
    ApiClient.Response published =
        f.manager()
            .client()
            .post(
                "/api/v1/builds",
                Json.createObjectBuilder()
                    .add("deviceId", device)
                    .add("version", version)
                    .add("releaseAt", Instant.now().plusSeconds(2).toString())
                    .add("earlyAccessHours", 0)
                    .add(
                        "changelog",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", "W")))
                    .build()
                    .toString());
    check(published, 201);
    long build = id(published.object());
    JsonObject standing = null;
    for (int i = 0; i < 60; i++) {
      standing = tester.client().get("/api/v1/testers/me").object();
      if (standing.getBoolean("warned")) {
        break;
      }
      sleep(500);
    }
    assertTrue(standing.getBoolean("warned"), standing.toString());
    assertEquals("active", standing.getString("status"));
    assertEquals(1, standing.getInt("missedInARow"));
    assertEquals(2, standing.getInt("missedToRemove"));
    JsonObject recent = standing.getJsonArray("recentBuilds").getJsonObject(0);
    assertEquals(build, recent.getJsonNumber("buildId").longValue());
    assertEquals(version, recent.getString("version"));
    assertTrue(absent(recent, "verdict"));

    JsonObject listed =
        ((JsonArray) f.manager().client().get("/api/v1/testers").json())
            .stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> t.getJsonNumber("memberId").longValue() == tester.id())
                .findFirst()
                .orElseThrow();
    assertTrue(listed.getBoolean("warned"));
    assertEquals(
        version, listed.getJsonArray("recentBuilds").getJsonObject(0).getString("version"));
  }

  private static ApiClient.Response apply(SignedIn member, long device) {
    return member
        .client()
        .post(
            "/api/v1/testers/applications",
            "{\"deviceId\":" + device + ",\"motivation\":\"I flash every weekly build.\"}");
  }

  private ApiClient.Response decline(SignedIn manager, long application, String body) {
    ApiClient client = manager == null ? anonymous() : manager.client();
    return client.post("/api/v1/testers/applications/" + application + "/decline", body);
  }

  private static JsonObject mine(SignedIn member) {
    ApiClient.Response r = member.client().get("/api/v1/testers/applications/mine");
    assertEquals(200, r.status(), r.toString());
    return r.object();
  }

  private static JsonObject created(ApiClient.Response r) {
    assertEquals(201, r.status(), r.toString());
    return r.object();
  }

  private static Optional<JsonObject> openApplication(ReleaseFixtures f, long application) {
    return ((JsonArray) f.manager().client().get("/api/v1/testers/applications").json())
        .stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getJsonNumber("id").longValue() == application)
            .findFirst();
  }

  /** The JSON leaves null members out. */
  private static boolean absent(JsonObject o, String key) {
    return !o.containsKey(key) || o.isNull(key);
  }

  private static String abbreviated(String body) {
    return body.length() > 60 ? body.substring(0, 60) + "…" : body;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
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
