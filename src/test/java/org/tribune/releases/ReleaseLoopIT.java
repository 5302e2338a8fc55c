package org.tribune.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.releases.ReleaseFixtures.check;
import static org.tribune.releases.ReleaseFixtures.installedAgo;
import static org.tribune.releases.ReleaseFixtures.rate;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.releases.control.RolloutPlan;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;

/**
 * Closing the loop and the rules around it over HTTP: publishing a build ships its ideas atomically
 * and asks their voters, enough "yes" answers verify an idea, the P0 fast track, brigade review,
 * trusted testers as the identity role (removal, cool-down, re-application), and the OTA channels.
 */
class ReleaseLoopIT extends ApiIT {

  private ReleaseFixtures fixtures() {
    return new ReleaseFixtures(members());
  }

  private static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  // ---- publishing and shipping ----

  @Test
  void aLinkedIdeaThatCannotShipRefusesTheWholePublication() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    SignedIn voter = members().signUp("voter");
    long planned = plannedIdea(f, voter);
    long open = idea(members().signUp("author"));

    ApiClient.Response refused = publish(f, device, "OS3.0.1", Duration.ofDays(1), planned, open);
    assertEquals(422, refused.status(), refused.toString());
    assertEquals("idea-cannot-ship", refused.problemType());
    assertEquals(open, refused.object().getJsonNumber("ideaId").longValue());

    assertEquals(0, builds(f, device).size(), "no build was published");
    assertEquals("planned", ideaStatus(planned));
    assertEquals("open", ideaStatus(open));
    assertTrue(prompts(voter).isEmpty(), "no voter was asked");
    ApiClient.Response lateVote =
        members().signUp("late").client().post("/api/v1/ideas/" + planned + "/votes", null);
    assertEquals(201, lateVote.status(), "voting on the planned idea is open again: " + lateVote);

    ApiClient.Response published = publish(f, device, "OS3.0.1", Duration.ofDays(1), planned);
    assertEquals(201, published.status(), published.toString());
    assertEquals("shipped", ideaStatus(planned));
    assertEquals(1, prompts(voter).size());
  }

  @Test
  void enoughYesAnswersVerifyTheIdeaAndTheAnswersAreShown() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    List<SignedIn> voters = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      voters.add(members().signUp("voter"));
    }
    long idea = plannedIdea(f, voters.toArray(SignedIn[]::new));
    ApiClient.Response published = publish(f, device, "OS3.1.0", Duration.ofDays(1), idea);
    check(published, 201);
    long build = id(published.object());

    for (int i = 0; i < 3; i++) {
      JsonArray mine = prompts(voters.get(i));
      assertEquals(1, mine.size());
      JsonObject prompt = mine.getJsonObject(0);
      assertEquals(idea, prompt.getJsonObject("idea").getJsonNumber("id").longValue());
      ApiClient.Response answered =
          voters.get(i).client().post("/api/v1/me/ship-prompts/" + id(prompt), "{\"solved\":true}");
      assertEquals(200, answered.status(), answered.toString());
      assertEquals(i + 1, answered.object().getInt("yes"));
      assertEquals(i < 2 ? "shipped" : "verified", ideaStatus(idea), "after " + (i + 1) + " yes");
    }
    JsonObject linked =
        anonymous()
            .get("/api/v1/builds/" + build)
            .object()
            .getJsonArray("changelog")
            .getJsonObject(1)
            .getJsonObject("idea");
    assertEquals("verified", linked.getString("status"));
    assertEquals(3, linked.getInt("solvedYes"));
    assertEquals(0, linked.getInt("solvedNo"));
  }

  // ---- verdicts and ratings ----

  @Test
  void twoConfirmedP0ReportsMakeTheBuildBadAtOnce() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    // Released tomorrow: the verdict window is open, so only the fast track can judge it now.
    long build = id(f.build(device, Duration.ofHours(-24)));
    SignedIn engineer = members().withRoles("eng", "responder");
    List<SignedIn> testers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      SignedIn tester = f.tester(device);
      installedAgo(tester, build, Duration.ofHours(20));
      check(p0(tester.client(), build), 201);
      testers.add(tester);
    }
    JsonObject before = engineer.client().get("/api/v1/builds/" + build).object();
    assertEquals("pending", before.getJsonObject("verdict").getString("state"));
    assertEquals(2, before.getJsonObject("verdict").getInt("bad"));

    ApiClient.Response first = confirm(engineer, build, testers.get(0));
    assertEquals(200, first.status(), first.toString());
    assertEquals("pending", first.object().getJsonObject("verdict").getString("state"));
    ApiClient.Response second = confirm(engineer, build, testers.get(1));
    assertEquals(200, second.status(), second.toString());
    JsonObject after = second.object();
    assertEquals("bad", after.getJsonObject("verdict").getString("state"));
    assertTrue(after.getBoolean("notRecommended"));
    assertTrue(after.getJsonObject("rollout").getBoolean("halted"));
    assertNotNull(after.getJsonObject("followUp"));

    ApiClient.Response notP0 = confirm(engineer, build, f.tester(device));
    assertEquals(4, notP0.status() / 100, "no verdict to confirm: " + notP0);
  }

  @Test
  void aDayReviewedAsBrigadeLeavesTheScoreButStaysVisibleWithItsNote() {
    // The detector that flags a day is unit-tested (BrigadeDetectorTest): ratings carry the day
    // they were given, so an IT that does not fake time has ratings on today only.
    ReleaseFixtures f = fixtures();
    long build = id(f.build(f.device(), Duration.ofDays(3)));
    for (int i = 0; i < 3; i++) {
      SignedIn rater = members().signUp("rater");
      installedAgo(rater, build, Duration.ofDays(2));
      check(rate(rater.client(), build, 1), 201);
    }
    assertEquals(3, score(build).getInt("count"));
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    ApiClient.Response reviewed =
        f.manager()
            .client()
            .post(
                "/api/v1/builds/" + build + "/brigades/" + today,
                "{\"decision\":\"brigade\",\"note\":\"Coordinated one-star campaign.\"}");
    assertEquals(200, reviewed.status(), reviewed.toString());

    JsonObject score = score(build);
    assertEquals(0, score.getInt("count"));
    assertEquals(3, score.getInt("excluded"));
    JsonArray visible = (JsonArray) anonymous().get("/api/v1/builds/" + build + "/ratings").json();
    assertEquals(3, visible.size(), "the ratings stay visible");
    visible.forEach(r -> assertTrue(r.asJsonObject().getBoolean("excluded")));
    JsonObject day =
        ((JsonArray) f.manager().client().get("/api/v1/builds/" + build + "/brigades").json())
            .getJsonObject(0);
    assertEquals(today, day.getString("day"));
    assertEquals("brigade", day.getString("decision"));
    assertEquals("Coordinated one-star campaign.", day.getString("note"));

    ApiClient.Response again =
        f.manager()
            .client()
            .post(
                "/api/v1/builds/" + build + "/brigades/" + today,
                "{\"decision\":\"genuine\",\"note\":\"Changed my mind.\"}");
    assertEquals(409, again.status());
    assertEquals(0, score(build).getInt("count"));
  }

  // ---- trusted testers ----

  @Test
  void anInvitationGrantsTheRoleAndARemovalRevokesItWithACoolDown() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    SignedIn tester = f.tester(device);
    assertTrue(roles(tester).contains("trusted_tester"));
    long early = id(f.build(device, Duration.ofHours(-24)));
    assertEquals(200, tester.client().get("/api/v1/builds/" + early).status());

    ApiClient.Response removed =
        f.manager()
            .client()
            .post(
                "/api/v1/testers/" + tester.id() + "/removal", "{\"reason\":\"Leaked a build.\"}");
    assertEquals(200, removed.status(), removed.toString());
    assertFalse(roles(tester).contains("trusted_tester"));
    JsonObject standing = tester.client().get("/api/v1/testers/me").object();
    assertEquals("removed", standing.getString("status"));
    assertEquals("Leaked a build.", standing.getString("removalReason"));
    Instant coolDownUntil = Instant.parse(standing.getString("coolDownUntil"));
    assertTrue(coolDownUntil.isAfter(Instant.now().plus(Duration.ofDays(29))));
    assertEquals(404, tester.client().get("/api/v1/builds/" + early).status(), "no early access");

    ApiClient.Response reapply = apply(tester, device);
    assertEquals(409, reapply.status(), reapply.toString());
    assertEquals("tester-cool-down", reapply.problemType());
    assertEquals(coolDownUntil, Instant.parse(reapply.object().getString("coolDownUntil")));
    ApiClient.Response reinvite = invite(f, tester, device);
    assertEquals(409, reinvite.status());
    assertEquals("tester-cool-down", reinvite.problemType());
    assertFalse(roles(tester).contains("trusted_tester"));
  }

  @Test
  void aTesterWhoGivesNoVerdictOnTheWeeklyBuildsIsRemoved() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    SignedIn tester = f.tester(device);
    // Two builds whose early window opens after the invitation and closes in a few seconds.
    Instant release = Instant.now().plusSeconds(3);
    for (int i = 0; i < 2; i++) {
      check(publishAt(f, device, "OS4.0." + i, release, 0), 201);
    }
    // The scheduled check (every 2 s on the test server) removes the tester without anyone
    // looking at their standing: the role goes, and with it the trusted channel.
    awaitRoleGone(tester);
    ApiClient.Response offer =
        f.manager()
            .client()
            .get(
                "/api/v1/ota/offer?device="
                    + f.code(device)
                    + "&channel=trusted&member="
                    + tester.id());
    assertEquals(200, offer.status(), offer.toString());
    assertEquals("not-a-tester", offer.object().getString("reason"));
    JsonObject standing = awaitRemoved(tester);
    assertTrue(standing.getString("removalReason").startsWith("No verdict on the last 2 builds"));
    assertNotNull(standing.getString("coolDownUntil"));
    assertFalse(roles(tester).contains("trusted_tester"));
    boolean listed =
        ((JsonArray) f.manager().client().get("/api/v1/testers").json())
            .stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(
                    t ->
                        t.getJsonNumber("memberId").longValue() == tester.id()
                            && t.getString("status").equals("removed"));
    assertTrue(listed);
  }

  @Test
  void aRemovedTesterReappliesAfterTheCoolDownAndIsInvitedAgain() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    SignedIn tester = f.tester(device);
    check(
        f.manager()
            .client()
            .post(
                "/api/v1/testers/" + tester.id() + "/removal",
                "{\"reason\":\"Asked to pause.\",\"coolDownDays\":0}"),
        200);
    assertFalse(roles(tester).contains("trusted_tester"));

    ApiClient.Response applied = apply(tester, device);
    assertEquals(201, applied.status(), applied.toString());
    ApiClient.Response twice = apply(tester, device);
    assertEquals(409, twice.status());
    assertEquals("already-applied", twice.problemType());
    assertTrue(openApplication(f, tester));

    check(invite(f, tester, device), 201);
    assertTrue(roles(tester).contains("trusted_tester"));
    assertEquals("active", tester.client().get("/api/v1/testers/me").object().getString("status"));
    assertFalse(openApplication(f, tester), "the invitation decided the application");
    ApiClient.Response already = apply(tester, device);
    assertEquals(409, already.status());
    assertEquals("already-tester", already.problemType());
  }

  // ---- install time ----

  @Test
  void onlyADeviceTokenReportsAnEarlierInstallTimeWithinTheBuildsAvailability() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    long build = id(f.build(device, Duration.ofDays(3)));
    long otherBuild = id(f.build(f.device(), Duration.ofDays(3)));
    SignedIn member = members().signUp("owner");
    Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    String backdated = "{\"installedAt\":\"" + twoDaysAgo + "\"}";

    ApiClient.Response token =
        member.client().post("/api/v1/me/tokens", "{\"name\":\"my script\"}");
    check(token, 201);
    ApiClient ownBearer = member.client().withBearer(token.object().getString("token"));
    ApiClient.Response viaBearer =
        ownBearer.post("/api/v1/builds/" + build + "/install", backdated);
    assertEquals(400, viaBearer.status(), "a member's own API token uses the server clock");
    ApiClient.Response viaCookie =
        member.client().post("/api/v1/builds/" + build + "/install", backdated);
    assertEquals(400, viaCookie.status());

    String phone = ReleaseFixtures.deviceToken(member, device);
    Instant beforeRelease = Instant.now().minus(Duration.ofDays(4));
    assertEquals(400, ReleaseFixtures.reportInstall(member, phone, build, beforeRelease).status());
    Instant future = Instant.now().plus(Duration.ofHours(1));
    assertEquals(400, ReleaseFixtures.reportInstall(member, phone, build, future).status());
    ApiClient.Response wrongDevice =
        ReleaseFixtures.reportInstall(member, phone, otherBuild, twoDaysAgo);
    assertEquals(422, wrongDevice.status());
    assertEquals("wrong-device", wrongDevice.problemType());
    assertEquals(401, ReleaseFixtures.reportInstall(member, null, build, twoDaysAgo).status());
    assertEquals(
        401, ReleaseFixtures.reportInstall(member, "trd_nonsense", build, twoDaysAgo).status());
    assertFalse(
        member
            .client()
            .get("/api/v1/builds/" + build)
            .object()
            .getJsonObject("mine")
            .containsKey("installedAt"),
        "nothing was recorded");

    ApiClient.Response reported = ReleaseFixtures.reportInstall(member, phone, build, twoDaysAgo);
    assertEquals(201, reported.status(), reported.toString());
    assertEquals(twoDaysAgo, Instant.parse(reported.object().getString("installedAt")));
    ApiClient.Response again = member.client().post("/api/v1/builds/" + build + "/install", "{}");
    assertEquals(twoDaysAgo, Instant.parse(again.object().getString("installedAt")));

    long tokenId =
        ((JsonArray) member.client().get("/api/v1/me/device-tokens").json())
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    assertEquals(204, member.client().delete("/api/v1/me/device-tokens/" + tokenId).status());
    assertEquals(401, ReleaseFixtures.reportInstall(member, phone, build, twoDaysAgo).status());
  }

  // ---- OTA channels ----

  @Test
  void theTrustedChannelOffersTheEarlyBuildToTheDevicesTestersOnly() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    String code = f.code(device);
    SignedIn tester = f.tester(device);
    SignedIn member = members().signUp("member");
    long early = id(f.build(device, Duration.ofHours(-24)));

    String trusted = "/api/v1/ota/offer?device=" + code + "&channel=trusted";
    // The tester's phone asks with its device token, and the tester signed in asks for themselves.
    String phone = ReleaseFixtures.deviceToken(tester, device);
    JsonObject forTester =
        ok(anonymous().send("GET", trusted, null, Map.of("X-Device-Token", phone)));
    assertTrue(forTester.getBoolean("offer"), forTester.toString());
    assertEquals(early, forTester.getJsonNumber("buildId").longValue());
    assertEquals("trusted", forTester.getString("channel"));
    assertTrue(ok(tester.client().get(trusted)).getBoolean("offer"));
    assertEquals("not-a-tester", ok(member.client().get(trusted)).getString("reason"));
    SignedIn manager = members().withRoles("manager", "community_manager");
    assertTrue(ok(manager.client().get(trusted + "&member=" + tester.id())).getBoolean("offer"));
    assertEquals(
        "not-a-tester",
        ok(manager.client().get(trusted + "&member=" + member.id())).getString("reason"));

    // Tester status is not public: nobody else learns it, in either direction.
    ApiClient.Response anonymousAsks = anonymous().get(trusted + "&member=" + tester.id());
    assertEquals(401, anonymousAsks.status(), anonymousAsks.toString());
    assertEquals("unauthenticated", anonymousAsks.problemType());
    assertEquals(401, anonymous().get(trusted + "&member=" + member.id()).status());
    ApiClient.Response otherMember = member.client().get(trusted + "&member=" + tester.id());
    assertEquals(403, otherMember.status(), otherMember.toString());
    assertEquals(
        403,
        anonymous()
            .send("GET", trusted + "&member=" + member.id(), null, Map.of("X-Device-Token", phone))
            .status(),
        "a device token answers only for its own member");
    assertEquals(400, anonymous().get(trusted + "&deviceId=p1").status());
    ApiClient.Response otherModel =
        anonymous()
            .send(
                "GET",
                "/api/v1/ota/offer?device=" + f.code(f.device()) + "&channel=trusted",
                null,
                Map.of("X-Device-Token", phone));
    assertEquals(422, otherModel.status(), otherModel.toString());
    assertEquals(
        401,
        anonymous()
            .send("GET", trusted, null, Map.of("X-Device-Token", "trd_not-a-token"))
            .status());

    assertEquals("no-build", ota(code, "member=" + tester.id(), "developer").getString("reason"));
    assertEquals(
        400, anonymous().get("/api/v1/ota/offer?device=" + code + "&member=1&channel=x").status());
  }

  private static JsonObject ok(ApiClient.Response r) {
    assertEquals(200, r.status(), r.toString());
    return r.object();
  }

  @Test
  void theStableChannelStagesAgainFromThePromotionAndResumesTheSameCohort() {
    ReleaseFixtures f = fixtures();
    long device = f.device();
    String code = f.code(device);
    long build = id(f.build(device, Duration.ofDays(3)));
    assertEquals("no-build", ota(code, "deviceId=p1", "stable").getString("reason"));
    assertEquals(10, ota(code, "deviceId=p1", "developer").getInt("percent"), "day 4: 10 %");
    check(f.manager().client().post("/api/v1/builds/" + build + "/stable", "{}"), 200);

    String inside = subject(build, true);
    String outside = subject(build, false);
    JsonObject in = ota(code, "deviceId=" + inside, "stable");
    assertTrue(in.getBoolean("offer"), in.toString());
    assertEquals(1, in.getInt("percent"));
    assertEquals("not-in-cohort", ota(code, "deviceId=" + outside, "stable").getString("reason"));

    rollout(f, build, "halt");
    assertEquals("halted", ota(code, "deviceId=" + inside, "stable").getString("reason"));
    rollout(f, build, "resume");
    assertTrue(ota(code, "deviceId=" + inside, "stable").getBoolean("offer"));
    assertFalse(ota(code, "deviceId=" + outside, "stable").getBoolean("offer"));
  }

  // ---- helpers ----

  private static void rollout(ReleaseFixtures f, long build, String step) {
    check(
        f.manager()
            .client()
            .post("/api/v1/builds/" + build + "/rollout/" + step, "{\"reason\":\"Manager\"}"),
        200);
  }

  private long idea(SignedIn author) {
    ApiClient.Response created =
        author
            .client()
            .post(
                "/api/v1/ideas",
                Json.createObjectBuilder()
                    .add("title", "Ship me " + UUID.randomUUID().toString().substring(0, 8))
                    .add("body", "An idea a weekly build ships.")
                    .build()
                    .toString());
    check(created, 201);
    return id(created.object());
  }

  /** An idea moved to planned, with the given members' votes. */
  private long plannedIdea(ReleaseFixtures f, SignedIn... voters) {
    long idea = idea(members().signUp("author"));
    for (SignedIn voter : voters) {
      check(voter.client().post("/api/v1/ideas/" + idea + "/votes", null), 201);
    }
    step(f, idea, "under_review", null);
    step(f, idea, "planned", "OS3");
    return idea;
  }

  private static void step(ReleaseFixtures f, long idea, String status, String target) {
    var body = Json.createObjectBuilder().add("status", status).add("reason", "Moving on");
    if (target != null) {
      body.add("targetBuild", target);
    }
    check(
        f.manager().client().post("/api/v1/ideas/" + idea + "/status", body.build().toString()),
        200);
  }

  private String ideaStatus(long idea) {
    return anonymous().get("/api/v1/ideas/" + idea).object().getString("status");
  }

  private static JsonArray prompts(SignedIn member) {
    return (JsonArray) member.client().get("/api/v1/me/ship-prompts").json();
  }

  private static JsonArray builds(ReleaseFixtures f, long device) {
    return f.manager()
        .client()
        .get("/api/v1/devices/" + device + "/builds")
        .object()
        .getJsonArray("builds");
  }

  private static ApiClient.Response publish(
      ReleaseFixtures f, long device, String version, Duration ago, Long... ideas) {
    var lines = Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", "Fixes"));
    for (Long idea : ideas) {
      lines.add(Json.createObjectBuilder().add("text", "Ships " + idea).add("ideaId", idea));
    }
    return f.manager()
        .client()
        .post(
            "/api/v1/builds",
            Json.createObjectBuilder()
                .add("deviceId", device)
                .add("version", version)
                .add("releaseAt", Instant.now().minus(ago).toString())
                .add("changelog", lines)
                .build()
                .toString());
  }

  private static ApiClient.Response publishAt(
      ReleaseFixtures f, long device, String version, Instant releaseAt, int earlyAccessHours) {
    return f.manager()
        .client()
        .post(
            "/api/v1/builds",
            Json.createObjectBuilder()
                .add("deviceId", device)
                .add("version", version)
                .add("releaseAt", releaseAt.toString())
                .add("earlyAccessHours", earlyAccessHours)
                .add(
                    "changelog",
                    Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", "Weekly")))
                .build()
                .toString());
  }

  private static ApiClient.Response p0(ApiClient client, long build) {
    return client.post(
        "/api/v1/builds/" + build + "/verdicts",
        "{\"verdict\":\"bad\",\"severity\":\"P0\",\"evidence\":\"Boot loop after update.\"}");
  }

  private static ApiClient.Response confirm(SignedIn engineer, long build, SignedIn tester) {
    return engineer
        .client()
        .post("/api/v1/builds/" + build + "/verdicts/" + tester.id() + "/confirmation", "{}");
  }

  private JsonObject score(long build) {
    return anonymous().get("/api/v1/builds/" + build).object().getJsonObject("score");
  }

  private static List<String> roles(SignedIn member) {
    return member.client().get("/api/v1/me").object().getJsonArray("roles").stream()
        .map(v -> ((jakarta.json.JsonString) v).getString())
        .toList();
  }

  private static ApiClient.Response apply(SignedIn member, long device) {
    return member
        .client()
        .post(
            "/api/v1/testers/applications",
            "{\"deviceId\":" + device + ",\"motivation\":\"I flash every weekly build.\"}");
  }

  private static ApiClient.Response invite(ReleaseFixtures f, SignedIn member, long device) {
    return f.manager()
        .client()
        .post("/api/v1/testers", "{\"memberId\":" + member.id() + ",\"deviceId\":" + device + "}");
  }

  private static boolean openApplication(ReleaseFixtures f, SignedIn member) {
    return ((JsonArray) f.manager().client().get("/api/v1/testers/applications").json())
        .stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(a -> a.getJsonNumber("memberId").longValue() == member.id());
  }

  /**
   * Polls the member's roles (which never apply the activity rule) until trusted_tester is gone.
   */
  private static void awaitRoleGone(SignedIn tester) {
    for (int i = 0; i < 120; i++) {
      if (!roles(tester).contains("trusted_tester")) {
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("The scheduled activity check did not remove the tester");
  }

  /** Polls the tester's standing until the activity rule has removed them (or gives up). */
  private static JsonObject awaitRemoved(SignedIn tester) {
    JsonObject standing = null;
    for (int i = 0; i < 120; i++) {
      standing = tester.client().get("/api/v1/testers/me").object();
      if ("removed".equals(standing.getString("status"))) {
        return standing;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("The tester was not removed: " + standing);
  }

  private JsonObject ota(String code, String subject, String channel) {
    ApiClient.Response r =
        anonymous().get("/api/v1/ota/offer?device=" + code + "&" + subject + "&channel=" + channel);
    assertEquals(200, r.status(), r.toString());
    return r.object();
  }

  /** A device id whose cohort is inside (or outside) a 1 % rollout of the build. */
  private static String subject(long build, boolean inside) {
    for (int i = 0; ; i++) {
      String id = "phone" + i;
      boolean in = RolloutPlan.cohort(build, "device:" + id) < 100;
      if (in == inside) {
        return id;
      }
    }
  }
}
