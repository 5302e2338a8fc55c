package org.tribune.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.selection.RoundSteps.advance;
import static org.tribune.selection.RoundSteps.create;
import static org.tribune.selection.RoundSteps.endorse;
import static org.tribune.selection.RoundSteps.nominateSelf;
import static org.tribune.selection.RoundSteps.roundBody;
import static org.tribune.selection.RoundSteps.vote;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.selection.control.BallotFile;
import org.tribune.selection.control.BallotReceipt;
import org.tribune.selection.control.BltFormat;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;

/** A round from creation to delegates, over HTTP, as its people would run it. */
class RoundLifecycleIT extends ApiIT {

  @Test
  void anStvRoundRunsFromNominationToDelegates() {
    RoundSteps steps = new RoundSteps(base());
    SignedIn manager = members().withRoles("manager", "community_manager");
    String title = "Council " + UUID.randomUUID().toString().substring(0, 8);
    long round =
        create(
            manager,
            roundBody(
                title,
                2,
                b ->
                    b.add("shortlistSize", 3)
                        .add("recallThreshold", 2)
                        .add(
                            "quotas",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("category", "member_type")
                                        .add("feature", "developer")
                                        .add("min", 0)
                                        .add("max", 1)))));
    JsonObject created = anonymous().get("/api/v1/selection/rounds/" + round).object();
    assertEquals("nomination", created.getString("phase"));
    assertEquals(64, created.getString("seedSha256").length());
    assertTrue(!created.containsKey("seed") || created.isNull("seed"), "seed secret until count");

    SignedIn ana = steps.member("Ana", "casual", "BR", "Redmi Note 13");
    SignedIn raj = steps.member("Raj", "developer", "IN", "POCO F6");
    SignedIn wei = steps.member("Wei", "creator", "CN-South", "Xiaomi 14");
    SignedIn ola = steps.member("Ola", "power_user", "EU-North", "Xiaomi 13T");
    long anaN = nominateSelf(ana, round);
    long rajN = nominateSelf(raj, round);
    long weiN = nominateSelf(wei, round);

    // Ola is nominated by Ana and must accept.
    Response byOther =
        ana.client()
            .post(
                "/api/v1/selection/rounds/" + round + "/nominations",
                "{\"nomineeId\":" + ola.id() + ",\"statement\":\"Ola knows the 13T.\"}");
    assertEquals(201, byOther.status(), byOther.toString());
    assertEquals("pending", byOther.object().getString("status"));
    long olaN = byOther.object().getJsonNumber("id").longValue();
    Response notYours =
        ana.client()
            .post("/api/v1/selection/rounds/" + round + "/nominations/" + olaN + "/accept", "{}");
    assertEquals(403, notYours.status());
    Response accepted =
        ola.client()
            .post(
                "/api/v1/selection/rounds/" + round + "/nominations/" + olaN + "/accept",
                "{\"statement\":\"Happy to stand.\"}");
    assertEquals("accepted", accepted.object().getString("status"), accepted.toString());
    Response twice =
        ola.client()
            .post("/api/v1/selection/rounds/" + round + "/nominations", "{\"statement\":\"x\"}");
    assertEquals(409, twice.status());
    assertEquals("already-nominated", twice.problemType());

    // The questionnaire: proposed, upvoted once per member, answered by a nominee.
    Response question =
        ola.client()
            .post(
                "/api/v1/selection/rounds/" + round + "/questions",
                "{\"body\":\"What would you ask the camera team first?\"}");
    assertEquals(201, question.status(), question.toString());
    long q = question.object().getJsonNumber("id").longValue();
    String upvote = "/api/v1/selection/rounds/" + round + "/questions/" + q + "/upvotes";
    assertEquals(201, ana.client().post(upvote, null).status());
    assertEquals(201, raj.client().post(upvote, null).status());
    Response again = raj.client().post(upvote, null);
    assertEquals(409, again.status());
    assertEquals("already-upvoted", again.problemType());
    Response answered =
        wei.client()
            .put(
                "/api/v1/selection/rounds/" + round + "/nominations/" + weiN + "/answers/" + q,
                "{\"body\":\"Night mode noise.\"}");
    assertEquals(200, answered.status(), answered.toString());
    JsonArray questions =
        anonymous().get("/api/v1/selection/rounds/" + round + "/questions").json().asJsonArray();
    assertEquals(2, questions.getJsonObject(0).getInt("upvotes"));

    // Endorsement is the primary: too early now, then the top three go through.
    Response early = endorse(ana, round, rajN);
    assertEquals(409, early.status());
    assertEquals("wrong-phase", early.problemType());
    advance(manager, round, "endorsement");
    List<SignedIn> voters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      voters.add(members().signUp("voter"));
    }
    for (SignedIn v : voters) {
      assertEquals(201, endorse(v, round, anaN).status());
      assertEquals(201, endorse(v, round, weiN).status());
    }
    for (SignedIn v : voters.subList(0, 3)) {
      assertEquals(201, endorse(v, round, rajN).status());
    }
    Response last = endorse(voters.get(0), round, olaN);
    assertEquals(201, last.status());
    assertEquals(1, last.object().getInt("total"));
    Response duplicate = endorse(voters.get(0), round, anaN);
    assertEquals(409, duplicate.status());
    assertEquals("already-endorsed", duplicate.problemType());

    advance(manager, round, "voting");
    JsonObject ballot = anonymous().get("/api/v1/selection/rounds/" + round + "/ballot").object();
    JsonArray candidates = ballot.getJsonArray("candidates");
    assertEquals(3, candidates.size(), "Ola, least endorsed, is not on the ballot: " + ballot);
    List<Long> onBallot =
        candidates.stream()
            .map(c -> ((JsonObject) c).getJsonNumber("nominationId").longValue())
            .toList();
    assertEquals(List.of(anaN, rajN, weiN), onBallot, "ballot positions follow nomination order");

    Response notOnBallot = vote(voters.get(0), round, List.of(olaN));
    assertEquals(400, notOnBallot.status());
    assertEquals("invalid-input", notOnBallot.problemType());

    List<JsonObject> receipts = new ArrayList<>();
    receipts.add(cast(voters.get(0), round, List.of(anaN, weiN)));
    receipts.add(cast(voters.get(1), round, List.of(anaN, rajN)));
    receipts.add(cast(voters.get(2), round, List.of(weiN)));
    receipts.add(cast(voters.get(3), round, List.of(rajN, weiN, anaN)));
    receipts.add(cast(voters.get(4), round, List.of(weiN, anaN)));
    receipts.add(cast(ana, round, List.of(anaN)));
    Response second = vote(voters.get(1), round, List.of(weiN));
    assertEquals(409, second.status());
    assertEquals("already-voted", second.problemType());
    assertTrue(
        voters
            .get(1)
            .client()
            .get("/api/v1/selection/rounds/" + round)
            .object()
            .getBoolean("hasVoted"));

    Response tooEarly = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(409, tooEarly.status());
    assertEquals("wrong-phase", tooEarly.problemType());
    advance(manager, round, "counting");
    Response counted = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(200, counted.status(), counted.toString());
    Response recount = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(409, recount.status());

    JsonObject results = anonymous().get("/api/v1/selection/rounds/" + round + "/results").object();
    assertEquals(6, results.getInt("ballots"));
    List<Long> winners =
        results.getJsonArray("winners").stream()
            .map(w -> ((JsonObject) w).getJsonNumber("nominationId").longValue())
            .toList();
    // First preferences: Ana 3, Wei 2, Raj 1; Droop threshold 6/3 = 2.000001: Ana elected with a
    // surplus; Raj is lowest and goes; his ballot passes to Wei, who is elected.
    assertEquals(List.of(anaN, weiN), winners);
    assertTrue(results.getJsonArray("rounds").size() >= 2);
    assertNotNull(results.getString("seed"));
    JsonObject published = anonymous().get("/api/v1/selection/rounds/" + round).object();
    assertEquals("published", published.getString("phase"));
    assertEquals(
        BallotReceipt.sha256(published.getString("seed")), published.getString("seedSha256"));

    Response blt =
        RoundSteps.text(anonymous(), "/api/v1/selection/rounds/" + round + "/results/ballots.blt");
    assertEquals(200, blt.status());
    assertEquals(
        results.getString("bltSha256"),
        BltFormat.sha256(blt.body().getBytes(StandardCharsets.UTF_8)));
    BallotFile file = BltFormat.parse(blt.body());
    assertEquals(6, file.ballots().size());
    assertEquals(2, file.seats());

    JsonArray receiptList =
        anonymous()
            .get("/api/v1/selection/rounds/" + round + "/results/receipts")
            .json()
            .asJsonArray();
    for (JsonObject mine : receipts) {
      JsonObject found =
          receiptList.stream()
              .map(JsonObject.class::cast)
              .filter(r -> r.getString("receipt").equals(mine.getString("receipt")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("receipt not published: " + mine));
      assertEquals(mine.getString("ranking"), found.getString("ranking"));
      assertEquals(
          mine.getString("receipt"),
          BallotReceipt.receipt(mine.getString("nonce"), found.getString("ranking")));
      var line = file.ballots().get(found.getInt("line") - 1);
      assertEquals(
          mine.getString("ranking"),
          String.join(",", line.ranks().stream().map(r -> String.valueOf(r.get(0) + 1)).toList()));
    }
    String report =
        RoundSteps.text(anonymous(), "/api/v1/selection/rounds/" + round + "/results/report.txt")
            .body();
    assertTrue(report.contains("Winners: Ana, Wei"), report);

    // Winners are delegates now: role granted and audited, public records listed.
    JsonObject anaProfile = members().admin().client().get("/api/v1/members/" + ana.id()).object();
    assertTrue(
        anaProfile.getJsonArray("roles").toString().contains("delegate"), anaProfile.toString());
    JsonArray audit =
        members().admin().client().get("/api/v1/audit?limit=100").object().getJsonArray("items");
    assertTrue(
        audit.stream()
            .map(JsonObject.class::cast)
            .anyMatch(
                e ->
                    e.getString("action").equals("selection.delegate.seat")
                        && e.getString("subjectId").equals(Long.toString(wei.id()))),
        audit.toString());
    JsonArray delegates =
        anonymous().get("/api/v1/selection/delegates?all=true").json().asJsonArray();
    JsonObject anaDelegate =
        delegates.stream()
            .map(JsonObject.class::cast)
            .filter(
                d ->
                    d.getInt("roundId") == round
                        && d.getJsonObject("member").getJsonNumber("id").longValue() == ana.id())
            .findFirst()
            .orElseThrow();
    assertEquals("serving", anaDelegate.getString("status"));
    assertEquals(0, anaDelegate.getJsonArray("inquiries").size());
    assertEquals("casual", anaDelegate.getString("memberType"));

    // A recall petition reaching the threshold (2) recalls Ana and opens a round for her seat.
    long delegateId = anaDelegate.getJsonNumber("id").longValue();
    String sign = "/api/v1/selection/delegates/" + delegateId + "/recall-signatures";
    assertEquals(201, voters.get(0).client().post(sign, null).status());
    assertEquals("already-signed", voters.get(0).client().post(sign, null).problemType());
    assertEquals(201, voters.get(1).client().post(sign, null).status());
    JsonObject recalled = anonymous().get("/api/v1/selection/delegates/" + delegateId).object();
    assertEquals("recalled", recalled.getString("status"));
    long recallRound = recalled.getJsonNumber("recallRoundId").longValue();
    JsonObject newRound = anonymous().get("/api/v1/selection/rounds/" + recallRound).object();
    assertEquals(1, newRound.getInt("seats"));
    assertEquals(delegateId, newRound.getJsonNumber("recallOf").longValue());
    assertEquals("nomination", newRound.getString("phase"));
    JsonObject anaAfter = members().admin().client().get("/api/v1/members/" + ana.id()).object();
    assertTrue(
        !anaAfter.getJsonArray("roles").toString().contains("delegate"), anaAfter.toString());
  }

  private static JsonObject cast(SignedIn voter, long round, List<Long> ranking) {
    Response r = vote(voter, round, ranking);
    assertEquals(201, r.status(), r.toString());
    JsonObject receipt = r.object();
    assertEquals(64, receipt.getString("receipt").length());
    return receipt;
  }

  @Test
  void aSortitionRoundPublishesItsPoolAsTheSortitionFoundationsFiles() {
    RoundSteps steps = new RoundSteps(base());
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round =
        create(manager, RoundSteps.sortitionBody("Panel by lot", 2, "region", "EU, North", 1, 1));
    long a = nominateSelf(steps.member("Lot A", "casual", "EU, North", "Redmi"), round);
    nominateSelf(steps.member("Lot B", "developer", "IN", "POCO"), round);
    nominateSelf(steps.member("Lot C", "creator", "JP", "Xiaomi 14"), round);
    JsonObject pool = anonymous().get("/api/v1/selection/rounds/" + round + "/pool").object();
    assertEquals(3, pool.getJsonArray("volunteers").size());
    assertEquals("sortition", pool.getString("method"));
    String respondents =
        RoundSteps.text(anonymous(), "/api/v1/selection/rounds/" + round + "/pool/respondents.csv")
            .body();
    assertTrue(respondents.startsWith("id,member_type,region,device_line\n"), respondents);
    assertTrue(respondents.contains(a + ",casual,\"EU, North\",Redmi"), respondents);
    String categories =
        RoundSteps.text(anonymous(), "/api/v1/selection/rounds/" + round + "/pool/categories.csv")
            .body();
    assertEquals(
        "category,feature,min,max\nregion,\"EU, North\",1,1\nregion,IN,0,2\nregion,JP,0,2\n",
        categories);
  }

  // The hand-checked election of ConstrainedStvTest: 4 x (Ana, Bo), 3 x (Bo, Ana), 2 x (Dev), two
  // seats, at least one developer. Unconstrained, Ana and Bo win; the quota seats Dev instead.
  @Test
  void anStvRoundEnforcesItsQuotasOnTheSeats() {
    RoundSteps steps = new RoundSteps(base());
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round =
        create(
            manager,
            roundBody(
                "Quota council " + UUID.randomUUID().toString().substring(0, 6),
                2,
                b ->
                    b.add(
                        "quotas",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("category", "member_type")
                                    .add("feature", "developer")
                                    .add("min", 1)
                                    .add("max", 2)))));
    long ana = nominateSelf(steps.member("Ana Quota", "casual", "BR", "Redmi"), round);
    long bo = nominateSelf(steps.member("Bo Quota", "casual", "IN", "POCO"), round);
    long dev = nominateSelf(steps.member("Dev Quota", "developer", "JP", "Xiaomi 14"), round);
    advance(manager, round, "endorsement");
    advance(manager, round, "voting");
    for (int i = 0; i < 4; i++) {
      cast(members().signUp("quota-a" + i), round, List.of(ana, bo));
    }
    for (int i = 0; i < 3; i++) {
      cast(members().signUp("quota-b" + i), round, List.of(bo, ana));
    }
    for (int i = 0; i < 2; i++) {
      cast(members().signUp("quota-d" + i), round, List.of(dev));
    }
    advance(manager, round, "counting");
    Response counted = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(200, counted.status(), counted.toString());
    JsonObject results = counted.object();
    List<Long> winners = new ArrayList<>();
    results
        .getJsonArray("winners")
        .forEach(w -> winners.add(w.asJsonObject().getJsonNumber("nominationId").longValue()));
    assertEquals(List.of(ana, dev), winners);
    assertTrue(results.getBoolean("quotasEnforced"));
    JsonObject check = results.getJsonArray("quotaCheck").getJsonObject(0);
    assertEquals(1, check.getInt("seats"));
    assertTrue(check.getBoolean("met"));
    assertTrue(
        results.getJsonArray("rounds").getJsonObject(1).getString("msg").contains("protected"),
        results.toString());
  }

  // Casual Ana, Bo and developers Dev, Dee, one seat each type. Ballots (Ana, Dev), (Ana),
  // (Bo, Dee), (Dee). Casual count: Ana 2, Bo 1 of 3, threshold 1.500001: Ana. Developer count:
  // Dev 1, Dee 2 of 3: Dee.
  @Test
  void anStvByTypeRoundCountsEachMemberTypeForItsSeats() {
    RoundSteps steps = new RoundSteps(base());
    SignedIn manager = members().withRoles("manager", "community_manager");
    Response wrongSeats =
        manager
            .client()
            .post(
                "/api/v1/selection/rounds",
                roundBody(
                        "By type, bad",
                        3,
                        b ->
                            b.add("method", "stv_by_type")
                                .add(
                                    "quotas",
                                    Json.createArrayBuilder()
                                        .add(typeSeats("casual", 1))
                                        .add(typeSeats("developer", 1))))
                    .build()
                    .toString());
    assertEquals(400, wrongSeats.status(), wrongSeats.toString());
    assertTrue(
        wrongSeats.object().getString("detail").contains("add up to 2"), wrongSeats.toString());
    long round =
        create(
            manager,
            roundBody(
                "By type " + UUID.randomUUID().toString().substring(0, 6),
                2,
                b ->
                    b.add("method", "stv_by_type")
                        .add(
                            "quotas",
                            Json.createArrayBuilder()
                                .add(typeSeats("casual", 1))
                                .add(typeSeats("developer", 1)))));
    long ana = nominateSelf(steps.member("Ana Type", "casual", "BR", "Redmi"), round);
    long bo = nominateSelf(steps.member("Bo Type", "casual", "IN", "POCO"), round);
    long dev = nominateSelf(steps.member("Dev Type", "developer", "JP", "POCO"), round);
    long dee = nominateSelf(steps.member("Dee Type", "developer", "KR", "Redmi"), round);
    advance(manager, round, "endorsement");
    advance(manager, round, "voting");
    cast(members().signUp("type-1"), round, List.of(ana, dev));
    cast(members().signUp("type-2"), round, List.of(ana));
    cast(members().signUp("type-3"), round, List.of(bo, dee));
    cast(members().signUp("type-4"), round, List.of(dee));
    advance(manager, round, "counting");
    Response counted = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(200, counted.status(), counted.toString());
    JsonObject results = counted.object();
    List<Long> winners = new ArrayList<>();
    results
        .getJsonArray("winners")
        .forEach(w -> winners.add(w.asJsonObject().getJsonNumber("nominationId").longValue()));
    assertEquals(List.of(ana, dee), winners);
    JsonArray byType = results.getJsonArray("byType");
    assertEquals(2, byType.size());
    assertEquals("casual", byType.getJsonObject(0).getString("memberType"));
    assertEquals(
        1_500_001,
        byType
            .getJsonObject(1)
            .getJsonArray("rounds")
            .getJsonObject(0)
            .getJsonNumber("threshold")
            .longValue());
    String report =
        RoundSteps.text(anonymous(), "/api/v1/selection/rounds/" + round + "/results/report.txt")
            .body();
    assertTrue(report.contains("== casual ==") && report.contains("== developer =="), report);
  }

  private static JsonObject typeSeats(String type, int seats) {
    return Json.createObjectBuilder()
        .add("category", "member_type")
        .add("feature", type)
        .add("min", seats)
        .add("max", seats)
        .build();
  }

  @Test
  void onlyCommunityManagersCreateAndAdvanceRounds() {
    SignedIn member = members().signUp("plain");
    Response r =
        member
            .client()
            .post("/api/v1/selection/rounds", roundBody("Nope", 3, b -> {}).build().toString());
    assertEquals(403, r.status());
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round = create(manager, roundBody("Advance test", 3, b -> {}));
    Response advance = member.client().post("/api/v1/selection/rounds/" + round + "/advance", "{}");
    assertEquals(403, advance.status());
  }

  @Test
  void aBadRoundIsRefusedWithEveryFieldNamed() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    Response r =
        manager
            .client()
            .post(
                "/api/v1/selection/rounds",
                roundBody(
                        "",
                        0,
                        b ->
                            b.add("method", "lottery")
                                .add(
                                    "quotas",
                                    Json.createArrayBuilder()
                                        .add(
                                            Json.createObjectBuilder()
                                                .add("category", "region")
                                                .add("feature", "EU")
                                                .add("min", 3)
                                                .add("max", 1))))
                    .build()
                    .toString());
    assertEquals(400, r.status(), r.toString());
    String fields = r.object().getJsonArray("errors").toString();
    assertTrue(
        fields.contains("title") && fields.contains("method") && fields.contains("seats"), fields);
    Response backwards =
        manager
            .client()
            .post(
                "/api/v1/selection/rounds",
                roundBody("Backwards", 3, b -> b.add("votingClosesAt", "2020-01-01T00:00:00Z"))
                    .build()
                    .toString());
    assertEquals(400, backwards.status());
    assertEquals(
        "timeline", backwards.object().getJsonArray("errors").getJsonObject(0).getString("field"));
  }
}
