package org.tribune.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.voting.IdeasApiIT.assertInvalid;
import static org.tribune.voting.IdeasApiIT.id;
import static org.tribune.voting.IdeasApiIT.ids;
import static org.tribune.voting.IdeasApiIT.submit;
import static org.tribune.voting.IdeasApiIT.tag;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;

/** Flags hide an idea after three members; community managers restore it or keep it hidden. */
class IdeaModerationIT extends ApiIT {

  @Test
  void threeFlagsHideAnIdeaUntilAManagerRestoresIt() {
    SignedIn manager = members().withRoles("moderator", "community_manager");
    SignedIn author = members().signUp("author");
    String tag = tag();
    long id = id(submit(author.client(), "Flag me " + tag, "Something people dislike."));

    SignedIn first = members().signUp("flagger");
    assertEquals(201, flag(first, id).status());
    Response twice = flag(first, id);
    assertEquals(409, twice.status());
    assertEquals("already-flagged", twice.problemType());
    assertEquals(201, flag(members().signUp("flagger"), id).status());
    assertEquals(200, anonymous().get("/api/v1/ideas/" + id).status(), "two flags do not hide");
    assertEquals(201, flag(members().signUp("flagger"), id).status());

    assertEquals(404, anonymous().get("/api/v1/ideas/" + id).status());
    assertEquals(404, author.client().get("/api/v1/ideas/" + id).status());
    assertEquals(0, anonymous().get("/api/v1/ideas?q=" + tag).object().getInt("total"));
    assertEquals(200, manager.client().get("/api/v1/ideas/" + id).status());
    assertEquals(
        java.util.List.of(id), ids(manager.client().get("/api/v1/ideas?q=" + tag).object()));
    assertEquals(404, flag(members().signUp("late"), id).status());

    JsonObject queued = queued(manager, id);
    assertTrue(queued.getBoolean("hidden"));
    assertEquals(3, queued.getJsonArray("flags").size());
    assertEquals("Spam", queued.getJsonArray("flags").getJsonObject(0).getString("reason"));

    Response member = author.client().get("/api/v1/moderation/ideas");
    assertEquals(403, member.status());
    assertInvalid(decide(manager, id, "delete", "No"), "decision");
    assertInvalid(decide(manager, id, "restore", ""), "reason");
    Response restored = decide(manager, id, "restore", "Not spam, just unpopular");
    assertEquals(200, restored.status(), restored.toString());
    assertEquals(200, anonymous().get("/api/v1/ideas/" + id).status());
    assertEquals(null, queuedOrNull(manager, id), "reviewed flags leave the queue");
    assertEquals(201, flag(members().signUp("after"), id).status());
    assertEquals(200, anonymous().get("/api/v1/ideas/" + id).status(), "old flags do not count");
  }

  @Test
  void managerKeepsAnIdeaHidden() {
    SignedIn manager = members().withRoles("moderator", "community_manager");
    SignedIn author = members().signUp("author");
    long id = id(submit(author.client(), "Spam " + tag(), "Buy cheap phones here."));
    Response kept = decide(manager, id, "keep_hidden", "Advertising");
    assertEquals(200, kept.status(), kept.toString());
    assertEquals(404, anonymous().get("/api/v1/ideas/" + id).status());
    assertEquals(401, anonymous().post("/api/v1/moderation/ideas/" + id, "{}").status());
    assertFalse(manager.client().get("/api/v1/ideas/" + id).body().isEmpty());
  }

  private static Response flag(SignedIn member, long id) {
    return member.client().post("/api/v1/ideas/" + id + "/flags", "{\"reason\":\"Spam\"}");
  }

  private static Response decide(SignedIn manager, long id, String decision, String reason) {
    return manager
        .client()
        .post(
            "/api/v1/moderation/ideas/" + id,
            jakarta.json.Json.createObjectBuilder()
                .add("decision", decision)
                .add("reason", reason)
                .build()
                .toString());
  }

  private static JsonObject queued(SignedIn manager, long id) {
    JsonObject found = queuedOrNull(manager, id);
    if (found == null) {
      throw new AssertionError("Idea " + id + " is not in the moderation queue");
    }
    return found;
  }

  private static JsonObject queuedOrNull(SignedIn manager, long id) {
    Response queue = manager.client().get("/api/v1/moderation/ideas?limit=100");
    assertEquals(200, queue.status(), queue.toString());
    return queue.object().getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .filter(o -> o.getJsonObject("idea").getJsonNumber("id").longValue() == id)
        .findFirst()
        .orElse(null);
  }
}
