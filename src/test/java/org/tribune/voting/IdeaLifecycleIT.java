package org.tribune.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.voting.IdeasApiIT.assertInvalid;
import static org.tribune.voting.IdeasApiIT.id;
import static org.tribune.voting.IdeasApiIT.submit;
import static org.tribune.voting.IdeasApiIT.tag;
import static org.tribune.voting.IdeasApiIT.vote;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;

/** Status changes with reasons, closing that refunds votes, and merges, over HTTP. */
class IdeaLifecycleIT extends ApiIT {

  @Test
  void ideaWalksTheLifeCycleWithAReasonAtEveryStep() {
    SignedIn manager = members().withRoles("manager", "community_manager");
    SignedIn author = members().signUp("author");
    SignedIn voter = members().signUp("voter");
    long id = id(submit(author.client(), "Lifecycle " + tag(), "Walk every step with me."));
    vote(voter, id);
    int remainingAfterVote = remaining(voter);

    assertEquals(200, step(manager, id, "under_review", "Triage", null).status());
    assertInvalid(step(manager, id, "planned", "Next ROM", null), "targetBuild");
    assertInvalid(step(manager, id, "in_progress", " ", null), "reason");
    Response skip = step(manager, id, "shipped", "Skipping ahead", "14.0.3");
    assertEquals(409, skip.status());
    assertEquals("invalid-transition", skip.problemType());
    Response duplicate = step(manager, id, "duplicate", "Same as another", null);
    assertEquals("invalid-transition", duplicate.problemType());
    assertEquals(200, step(manager, id, "planned", "Next ROM", "14.0.3").status());
    assertEquals(200, step(manager, id, "in_progress", "Being built", null).status());
    Response shipped = step(manager, id, "shipped", "In the weekly build", "14.0.4");
    assertEquals(200, shipped.status(), shipped.toString());

    JsonObject idea = shipped.object();
    assertEquals("shipped", idea.getString("status"));
    assertEquals("In the weekly build", idea.getString("statusReason"));
    assertEquals("14.0.4", idea.getString("targetBuild"));
    JsonArray history = idea.getJsonArray("history");
    assertEquals(5, history.size());
    JsonObject last = history.getJsonObject(4);
    assertEquals("in_progress", last.getString("from"));
    assertEquals("shipped", last.getString("to"));
    assertEquals(manager.id(), last.getJsonObject("actor").getJsonNumber("id").longValue());

    assertEquals(remainingAfterVote + 1, remaining(voter), "shipping refunds the vote");
    Response late = members().signUp("late").client().post("/api/v1/ideas/" + id + "/votes", null);
    assertEquals(409, late.status());
    assertEquals("idea-closed", late.problemType());
    assertEquals(200, step(manager, id, "verified", "Voters confirmed", null).status());

    JsonArray audit =
        members().admin().client().get("/api/v1/audit?limit=50").object().getJsonArray("items");
    boolean shippingAudited =
        audit.stream()
            .map(JsonObject.class::cast)
            .anyMatch(
                e ->
                    e.getString("action").equals("idea.status")
                        && e.getString("subjectId").equals(Long.toString(id))
                        && e.getString("after").startsWith("shipped"));
    assertTrue(shippingAudited, "status changes are privileged actions and audited: " + audit);
  }

  @Test
  void onlyCommunityManagersChangeStatus() {
    SignedIn author = members().signUp("author");
    long id = id(submit(author.client(), "Not yours " + tag(), "Members cannot move this."));
    Response byMember = step(author, id, "under_review", "I want it", null);
    assertEquals(403, byMember.status());
    assertEquals("forbidden", byMember.problemType());
    Response byAnonymous =
        anonymous()
            .post("/api/v1/ideas/" + id + "/status", "{\"status\":\"declined\",\"reason\":\"x\"}");
    assertEquals(401, byAnonymous.status());
    assertEquals("open", anonymous().get("/api/v1/ideas/" + id).object().getString("status"));
  }

  @Test
  void mergeMovesVotesWithoutCountingAMemberTwice() {
    SignedIn manager = members().withRoles("merger", "community_manager");
    SignedIn author = members().signUp("author");
    String tag = tag();
    long from = id(submit(author.client(), "Duplicate " + tag, "Says the same as the other."));
    long into = id(submit(author.client(), "Original " + tag, "Said it first."));
    SignedIn onlyFrom = members().signUp("v1");
    SignedIn both = members().signUp("v2");
    SignedIn onlyInto = members().signUp("v3");
    vote(onlyFrom, from);
    vote(both, from);
    vote(both, into);
    vote(onlyInto, into);
    int bothRemaining = remaining(both);

    Response merged = merge(manager, from, into, "Same request");
    assertEquals(200, merged.status(), merged.toString());
    assertEquals(1, merged.object().getInt("moved"));
    assertEquals(1, merged.object().getInt("dropped"));

    JsonObject duplicate = anonymous().get("/api/v1/ideas/" + from).object();
    assertEquals("duplicate", duplicate.getString("status"));
    assertEquals(into, duplicate.getJsonNumber("mergedInto").longValue());
    assertEquals("Same request", duplicate.getString("statusReason"));
    assertEquals(3, anonymous().get("/api/v1/ideas/" + into).object().getInt("votes"));
    assertEquals(bothRemaining + 1, remaining(both), "the dropped vote is refunded");
  }

  @Test
  void mergeRefusesItselfClosedTargetsAndChains() {
    SignedIn manager = members().withRoles("merger", "community_manager");
    SignedIn author = members().signUp("author");
    String tag = tag();
    long a = id(submit(author.client(), "Idea A " + tag, "First of several."));
    long b = id(submit(author.client(), "Idea B " + tag, "Second of several."));
    long c = id(submit(author.client(), "Idea C " + tag, "Third of several."));
    long declined = id(submit(author.client(), "Idea D " + tag, "Fourth of several."));
    assertEquals(200, step(manager, declined, "declined", "Out of scope", null).status());

    Response self = merge(manager, a, a, "Myself");
    assertEquals(422, self.status());
    assertEquals("merge-into-self", self.problemType());
    Response closed = merge(manager, a, declined, "Into declined");
    assertEquals(409, closed.status());
    assertEquals("merge-target-closed", closed.problemType());
    assertEquals(200, merge(manager, b, c, "B is C").status());
    Response chain = merge(manager, a, b, "Into a duplicate");
    assertEquals(409, chain.status());
    assertEquals("merge-chain", chain.problemType());
    assertEquals(c, chain.object().getJsonNumber("mergedInto").longValue());
    assertInvalid(merge(manager, a, 987654321L, "Nowhere"), "into");
    Response again = merge(manager, b, a, "Twice");
    assertEquals("invalid-transition", again.problemType());
    assertEquals(403, merge(author, a, c, "Not a manager").status());
    assertEquals("open", anonymous().get("/api/v1/ideas/" + a).object().getString("status"));
  }

  private static Response step(
      SignedIn member, long id, String status, String reason, String targetBuild) {
    var body = Json.createObjectBuilder().add("status", status).add("reason", reason);
    if (targetBuild != null) {
      body.add("targetBuild", targetBuild);
    }
    return member.client().post("/api/v1/ideas/" + id + "/status", body.build().toString());
  }

  private static Response merge(SignedIn member, long from, long into, String reason) {
    return member
        .client()
        .post(
            "/api/v1/ideas/" + from + "/merge",
            Json.createObjectBuilder().add("into", into).add("reason", reason).build().toString());
  }

  private static int remaining(SignedIn member) {
    Response budget = member.client().get("/api/v1/me/budget");
    assertEquals(200, budget.status(), budget.toString());
    return budget.object().getInt("remaining");
  }
}
