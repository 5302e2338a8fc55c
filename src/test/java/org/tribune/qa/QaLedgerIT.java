package org.tribune.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.qa.QaWorld.ok;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;

/**
 * Every public event of an inquiry and a plan is one leaf of the response ledger, read back from
 * the public {@code /api/v1/ledger/entries}; an answer held for the session leaks nothing before
 * its release.
 */
class QaLedgerIT extends ApiIT {

  private static final String HELD_TEXT = "Held until the session: the fix ships in May.";

  private static String json(String... pairs) {
    var object = Json.createObjectBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      object.add(pairs[i], pairs[i + 1]);
    }
    return object.build().toString();
  }

  @Test
  void everyPublicStepOfAnInquiryIsOneLeafInItsHistoryOrder() {
    QaWorld world = new QaWorld(members(), "held");
    ApiClient manager = world.manager.client();
    ApiClient delegate = world.delegate.client();
    long start = treeSize();

    long id = world.submitted("Ledger walk " + world.tag);
    ok(
        manager.post(
            "/api/v1/qa/inquiries/" + id + "/triage",
            json("decision", "clarify", "note", "Which model?")),
        200);
    ok(
        delegate.post("/api/v1/qa/inquiries/" + id + "/clarification", json("text", "The 14 Pro.")),
        200);
    ok(
        manager.post(
            "/api/v1/qa/inquiries/" + id + "/assignment",
            Json.createObjectBuilder().add("department", world.system).build().toString()),
        200);
    String transfer = Json.createObjectBuilder().add("department", world.camera).build().toString();
    ok(
        world.systemResponder.client().post("/api/v1/qa/inquiries/" + id + "/transfer", transfer),
        200);
    ok(
        world
            .cameraResponder
            .client()
            .post("/api/v1/qa/inquiries/" + id + "/transfer/refusal", null),
        200);
    ok(
        world.systemResponder.client().post("/api/v1/qa/inquiries/" + id + "/transfer", transfer),
        200);
    ok(
        world
            .cameraResponder
            .client()
            .post("/api/v1/qa/inquiries/" + id + "/transfer/acceptance", null),
        200);
    ok(
        world
            .cameraResponder
            .client()
            .post(
                "/api/v1/qa/inquiries/" + id + "/holding-answers",
                json("text", "We are measuring it.")),
        201);
    ok(
        world
            .cameraResponder
            .client()
            .put(
                "/api/v1/qa/inquiries/" + id + "/answer",
                json("text", HELD_TEXT, "outcome", "partly")),
        200);
    ok(
        world.cameraLead.client().post("/api/v1/qa/inquiries/" + id + "/answer/approval", null),
        200);

    List<JsonObject> beforeRelease = leaves(start, id);
    JsonObject answered = beforeRelease.get(beforeRelease.size() - 1);
    assertEquals("inquiry.answered", answered.getString("type"));
    assertFalse(answered.containsKey("text"));
    assertFalse(answered.containsKey("textSha256"));
    assertFalse(answered.containsKey("outcome"));
    for (JsonObject leaf : beforeRelease) {
      assertFalse(leaf.toString().contains("May"), "nothing of the held answer leaks: " + leaf);
      assertFalse(leaf.toString().contains("partly"), "nor its outcome: " + leaf);
    }

    String session = "/api/v1/qa/sessions/" + world.session;
    ok(
        manager.put(
            session + "/agenda",
            Json.createObjectBuilder().add("inquiries", QaWorld.ids(id)).build().toString()),
        200);
    ok(manager.post(session + "/live", json("action", "start")), 200);
    ok(manager.post(session + "/live", control("discussed", id)), 200);
    ok(manager.post(session + "/live", control("release", id)), 200);
    ok(
        delegate.post(
            "/api/v1/qa/inquiries/" + id + "/classification", json("satisfaction", "partly")),
        200);
    ok(
        world
            .cameraLead
            .client()
            .post(
                "/api/v1/qa/inquiries/" + id + "/corrections",
                json("text", "Correction: June, not May.")),
        201);
    ok(
        delegate.post(
            "/api/v1/qa/inquiries/" + id + "/revision-request",
            json("reason", "Please say which build.")),
        200);
    ok(
        delegate.post(
            "/api/v1/qa/inquiries/" + id + "/withdrawal", json("reason", "Solved meanwhile.")),
        200);

    List<JsonObject> leaves = leaves(start, id);
    assertEquals(
        List.of(
            "inquiry.submitted",
            "inquiry.triaged",
            "inquiry.clarified",
            "inquiry.triaged",
            "inquiry.assigned",
            "inquiry.transfer_requested",
            "inquiry.transfer_declined",
            "inquiry.transfer_requested",
            "inquiry.transferred",
            "inquiry.holding_answer",
            "inquiry.answered",
            "inquiry.scheduled",
            "inquiry.discussed",
            "answer.published",
            "answer.classified",
            "answer.corrected",
            "inquiry.revision_requested",
            "inquiry.withdrawn"),
        leaves.stream().map(l -> l.getString("type")).toList());
    assertEquals("clarification_requested", leaves.get(1).getString("decision"));
    assertEquals("admitted", leaves.get(3).getString("decision"));
    String system = "System " + world.tag;
    String camera = "Camera " + world.tag;
    assertEquals(system, leaves.get(5).getString("department"));
    assertEquals(camera, leaves.get(5).getString("to"));
    assertEquals(system, leaves.get(6).getString("department"));
    assertEquals(camera, leaves.get(6).getString("to"));
    assertEquals(camera, leaves.get(8).getString("department"));
    assertEquals(system, leaves.get(8).getString("from"));
    assertEquals(1, leaves.get(11).getInt("agendaItem"));
    assertEquals(HELD_TEXT, leaves.get(13).getString("text"));
    assertEquals("partly", leaves.get(13).getString("outcome"));

    JsonObject inquiry = anonymous().get("/api/v1/qa/inquiries/" + id).object();
    JsonArray history = inquiry.getJsonArray("history");
    Map<Long, String> leafTypes = new HashMap<>();
    leaves.forEach(l -> leafTypes.put(l.getJsonNumber("seq").longValue(), l.getString("type")));
    for (JsonObject event : history.getValuesAs(JsonObject.class)) {
      assertFalse(
          event.isNull("ledgerIndex"),
          "every event of the public history is in the ledger: " + event.getString("type"));
      assertNotNull(leafTypes.get(event.getJsonNumber("ledgerIndex").longValue()));
    }
    assertEquals(leaves.size(), history.size(), "one leaf per event, no more");
  }

  @Test
  void aPlanIsCreatedReachesAMilestoneAndIsCompletedInTheLedger() {
    QaWorld world = new QaWorld(members(), "at_once");
    long id = world.assigned("Plan leaves " + world.tag, world.system);
    world.answered(id, world.systemResponder, world.systemLead);
    long start = treeSize();
    ApiClient lead = world.systemLead.client();
    String today = LocalDate.now().toString();
    long plan =
        ok(
                lead.post(
                    "/api/v1/qa/plans",
                    Json.createObjectBuilder()
                        .add("title", "Plan " + world.tag)
                        .add("description", "Fix it.")
                        .add("department", world.system)
                        .add("startDate", today)
                        .add("dueDate", LocalDate.now().plusDays(20).toString())
                        .add("inquiries", QaWorld.ids(id))
                        .build()
                        .toString()),
                201)
            .getJsonNumber("id")
            .longValue();
    ok(
        lead.post(
            "/api/v1/qa/plans/" + plan + "/milestones",
            Json.createObjectBuilder().add("date", today).add("note", "Beta.").build().toString()),
        201);
    ok(lead.patch("/api/v1/qa/plans/" + plan, json("status", "done")), 200);
    List<String> types = new ArrayList<>();
    for (JsonObject leaf : entriesFrom(start)) {
      if (leaf.containsKey("plan") && leaf.getJsonNumber("plan").longValue() == plan) {
        types.add(leaf.getString("type"));
      }
    }
    assertEquals(List.of("plan.created", "plan.milestone", "plan.completed"), types);
  }

  private static String control(String action, long inquiry) {
    return Json.createObjectBuilder()
        .add("action", action)
        .add("inquiry", inquiry)
        .build()
        .toString();
  }

  private long treeSize() {
    ApiClient.Response note =
        anonymous().send("GET", "/api/v1/ledger/checkpoint", null, Map.of("Accept", "text/plain"));
    assertEquals(200, note.status(), note.toString());
    return Long.parseLong(note.body().split("\n")[1].strip());
  }

  /** The ledger entries of one inquiry appended from {@code start} on, in index order. */
  private List<JsonObject> leaves(long start, long inquiry) {
    return entriesFrom(start).stream()
        .filter(
            e -> e.containsKey("inquiryId") && e.getJsonNumber("inquiryId").longValue() == inquiry)
        .toList();
  }

  /** Every entry from {@code start} to the tree's end, page by page, checked against its leaf. */
  private List<JsonObject> entriesFrom(long start) {
    List<JsonObject> all = new ArrayList<>();
    long next = start;
    while (true) {
      JsonArray page =
          anonymous()
              .get("/api/v1/ledger/entries?start=" + next + "&end=" + (next + 256))
              .object()
              .getJsonArray("entries");
      if (page.isEmpty()) {
        return all;
      }
      for (JsonObject e : page.getValuesAs(JsonObject.class)) {
        JsonObject entry = e.getJsonObject("entry");
        String leaf =
            new String(Base64.getDecoder().decode(e.getString("leaf")), StandardCharsets.UTF_8);
        assertTrue(leaf.contains("\"type\":\"" + entry.getString("type") + "\""));
        assertEquals(e.getJsonNumber("index").longValue(), entry.getJsonNumber("seq").longValue());
        all.add(entry);
      }
      next += page.size();
    }
  }
}
