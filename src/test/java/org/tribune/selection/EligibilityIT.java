package org.tribune.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.selection.RoundSteps.advance;
import static org.tribune.selection.RoundSteps.create;
import static org.tribune.selection.RoundSteps.endorse;
import static org.tribune.selection.RoundSteps.nominateSelf;
import static org.tribune.selection.RoundSteps.roundBody;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;

/** The floors to stand and vote, sanctions, and the nomination cap, over HTTP. */
class EligibilityIT extends ApiIT {

  private static Response nominate(SignedIn member, long round) {
    return member
        .client()
        .post("/api/v1/selection/rounds/" + round + "/nominations", "{\"statement\":\"Me\"}");
  }

  private static void idea(ApiClient author, String title) {
    Response r =
        author.post(
            "/api/v1/ideas",
            Json.createObjectBuilder()
                .add("title", title)
                .add("body", "Details for " + title + ", long enough.")
                .build()
                .toString());
    assertEquals(201, r.status(), r.toString());
  }

  @Test
  void aNewAccountCannotStandWhereTheRoundAsksForAge() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round = create(manager, roundBody("Age floor", 3, b -> b.add("minAccountDays", 30)));
    SignedIn fresh = members().signUp("fresh");
    Response r = nominate(fresh, round);
    assertEquals(403, r.status());
    assertEquals("not-eligible", r.problemType());
    assertEquals("account-too-new", r.object().getString("reasons"));
    JsonObject eligibility =
        fresh.client().get("/api/v1/selection/rounds/" + round + "/eligibility").object();
    assertFalse(eligibility.getBoolean("canStand"));
    assertTrue(eligibility.getBoolean("canVote"));
  }

  @Test
  void activityFromIdeasCommentsAndVotesOpensTheActivityFloor() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round = create(manager, roundBody("Activity floor", 3, b -> b.add("minActivity", 3)));
    SignedIn member = members().signUp("quiet");
    Response refused = nominate(member, round);
    assertEquals(403, refused.status());
    assertEquals("activity-too-low", refused.object().getString("reasons"));
    idea(member.client(), "An idea worth three points " + member.id());
    Response accepted = nominate(member, round);
    assertEquals(201, accepted.status(), accepted.toString());
    assertEquals(3, accepted.object().getInt("activity"));
  }

  @Test
  void aSanctionedMemberNeitherStandsNorVotes() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round = create(manager, roundBody("Sanctions", 1, b -> {}));
    SignedIn candidate = members().signUp("candidate");
    long nomination = nominateSelf(candidate, round);
    SignedIn troll = members().signUp("troll");
    Response sanction =
        manager
            .client()
            .post(
                "/api/v1/selection/sanctions",
                Json.createObjectBuilder()
                    .add("memberId", troll.id())
                    .add("reason", "Brigading")
                    .build()
                    .toString());
    assertEquals(201, sanction.status(), sanction.toString());
    assertEquals(403, troll.client().post("/api/v1/selection/sanctions", "{}").status());
    Response stand = nominate(troll, round);
    assertEquals(403, stand.status());
    assertEquals("sanctioned", stand.object().getString("reasons"));
    advance(manager, round, "endorsement");
    Response endorse = endorse(troll, round, nomination);
    assertEquals(403, endorse.status());
    assertEquals("not-eligible", endorse.problemType());
    assertEquals(201, endorse(members().signUp("fine"), round, nomination).status());
  }

  @Test
  void newAccountsCannotEndorseWhereTheRoundAsksVotersForAge() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round = create(manager, roundBody("Voter age", 1, b -> b.add("voterMinAccountDays", 7)));
    long nomination = nominateSelf(members().signUp("candidate"), round);
    advance(manager, round, "endorsement");
    Response r = endorse(members().signUp("newcomer"), round, nomination);
    assertEquals(403, r.status());
    assertEquals("account-too-new", r.object().getString("reasons"));
  }

  @Test
  void whenTheCapIsFullTheActivityFloorRisesAndTheWeakestNomineeMakesRoom() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round = create(manager, roundBody("Capped", 1, b -> b.add("nominationCap", 2)));
    SignedIn quiet = members().signUp("quiet");
    long quietNomination = nominateSelf(quiet, round);
    SignedIn writer = members().signUp("writer");
    idea(writer.client(), "Writer's idea " + writer.id());
    nominateSelf(writer, round);
    JsonObject view = anonymous().get("/api/v1/selection/rounds/" + round).object();
    assertEquals(1, view.getJsonObject("floors").getInt("effectiveActivityFloor"));

    Response lowcomer = nominate(members().signUp("lowcomer"), round);
    assertEquals(403, lowcomer.status());
    assertEquals("activity-too-low", lowcomer.object().getString("reasons"));

    SignedIn busy = members().signUp("busy");
    idea(busy.client(), "Busy idea one " + busy.id());
    nominateSelf(busy, round);
    JsonObject displaced =
        anonymous()
            .get("/api/v1/selection/rounds/" + round + "/nominations")
            .json()
            .asJsonArray()
            .stream()
            .map(JsonObject.class::cast)
            .filter(n -> n.getJsonNumber("id").longValue() == quietNomination)
            .findFirst()
            .orElseThrow();
    assertEquals("displaced", displaced.getString("status"));
    assertEquals(
        2,
        anonymous()
            .get("/api/v1/selection/rounds/" + round)
            .object()
            .getInt("standingNominations"));
  }
}
