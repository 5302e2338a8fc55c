package org.tribune.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.qa.QaWorld.ok;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;

/** The Q&amp;A path over HTTP, as delegates, managers and departments use it. */
class QaApiIT extends ApiIT {

  private static String json(String... pairs) {
    var object = Json.createObjectBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      object.add(pairs[i], pairs[i + 1]);
    }
    return object.build().toString();
  }

  /** JSON-B leaves null members out. */
  private static boolean absent(JsonObject object, String key) {
    return !object.containsKey(key) || object.isNull(key);
  }

  @Test
  void anInquiryGoesFromFilingThroughTheSessionToAClassifiedPublishedAnswer() {
    QaWorld world = new QaWorld(members(), "held");
    JsonObject filed =
        ok(
            world
                .delegate
                .client()
                .post("/api/v1/qa/inquiries", world.inquiry("Standby drain " + world.tag, true)),
            201);
    long id = filed.getJsonNumber("id").longValue();
    assertEquals("submitted", filed.getString("state"));
    assertTrue(filed.getString("reference").matches("Q\\d{4}-\\d{5,}"));
    assertTrue(
        filed.getJsonArray("history").getJsonObject(0).containsKey("ledgerIndex")
            && !filed.getJsonArray("history").getJsonObject(0).isNull("ledgerIndex"),
        "the submission is in the ledger");

    List<Long> queue =
        world.manager.client().get("/api/v1/qa/inquiries/triage").json().asJsonArray().stream()
            .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
            .toList();
    assertTrue(queue.contains(id));

    JsonObject assigned =
        ok(
            world
                .manager
                .client()
                .post(
                    "/api/v1/qa/inquiries/" + id + "/assignment",
                    Json.createObjectBuilder()
                        .add("department", world.system)
                        .add("workingDays", 5)
                        .build()
                        .toString()),
            200);
    assertEquals("assigned", assigned.getString("state"));
    assertFalse(assigned.isNull("dueDate"));
    assertEquals("not_due", assigned.getString("lateness"));

    JsonObject answered = world.answered(id, world.systemResponder, world.systemLead);
    assertEquals("answered", answered.getString("state"));
    assertEquals(
        0,
        anonymous().get("/api/v1/qa/inquiries/" + id).object().getJsonArray("answers").size(),
        "a held answer is not public before the session");

    ApiClient manager = world.manager.client();
    ok(
        manager.put(
            "/api/v1/qa/sessions/" + world.session + "/agenda",
            Json.createObjectBuilder().add("inquiries", QaWorld.ids(id)).build().toString()),
        200);
    ok(
        manager.post("/api/v1/qa/sessions/" + world.session + "/live", json("action", "start")),
        200);
    JsonObject shown =
        ok(
            manager.post(
                "/api/v1/qa/sessions/" + world.session + "/live",
                Json.createObjectBuilder()
                    .add("action", "show")
                    .add("inquiry", id)
                    .build()
                    .toString()),
            200);
    assertEquals(id, shown.getJsonObject("current").getJsonNumber("inquiryId").longValue());
    ok(
        manager.post(
            "/api/v1/qa/sessions/" + world.session + "/live",
            Json.createObjectBuilder()
                .add("action", "discussed")
                .add("inquiry", id)
                .build()
                .toString()),
        200);
    JsonObject released =
        ok(
            manager.post(
                "/api/v1/qa/sessions/" + world.session + "/live",
                Json.createObjectBuilder()
                    .add("action", "release")
                    .add("inquiry", id)
                    .build()
                    .toString()),
            200);
    JsonObject liveAnswer =
        released.getJsonObject("current").getJsonArray("answers").getJsonObject(0);
    assertEquals("We are fixing it in the next build.", liveAnswer.getString("text"));
    assertFalse(liveAnswer.isNull("ledgerIndex"), "the published answer is in the ledger");

    JsonObject published = anonymous().get("/api/v1/qa/inquiries/" + id).object();
    assertEquals("published", published.getString("state"));
    assertEquals(
        "accepted", published.getJsonArray("answers").getJsonObject(0).getString("outcome"));

    JsonObject classified =
        ok(
            world
                .delegate
                .client()
                .post(
                    "/api/v1/qa/inquiries/" + id + "/classification",
                    json("satisfaction", "partly")),
            200);
    assertEquals("partly", classified.getString("satisfaction"));
    assertEquals(
        List.of(
            "submitted",
            "triaged",
            "assigned",
            "answered",
            "scheduled",
            "discussed",
            "published",
            "classified"),
        classified.getJsonArray("history").stream()
            .map(v -> v.asJsonObject().getString("type"))
            .toList());

    JsonObject revised =
        ok(
            world
                .delegate
                .client()
                .post(
                    "/api/v1/qa/inquiries/" + id + "/revision-request",
                    json("reason", "The second part was not answered.")),
            200);
    assertEquals("assigned", revised.getString("state"));
  }

  @Test
  void aResponderOfAnotherDepartmentNeitherSeesNorWritesDrafts() {
    QaWorld world = new QaWorld(members(), "held");
    long id = world.assigned("Camera focus " + world.tag, world.system);
    ok(
        world
            .systemResponder
            .client()
            .put(
                "/api/v1/qa/inquiries/" + id + "/answer",
                json("text", "Draft from System.", "outcome", "partly")),
        200);

    ApiClient other = world.cameraResponder.client();
    ApiClient.Response write =
        other.put(
            "/api/v1/qa/inquiries/" + id + "/answer",
            json("text", "Hijack", "outcome", "declined"));
    assertEquals(403, write.status());
    assertEquals("forbidden", write.problemType());
    assertTrue(absent(other.get("/api/v1/qa/inquiries/" + id).object(), "draft"));
    assertFalse(
        absent(world.systemResponder.client().get("/api/v1/qa/inquiries/" + id).object(), "draft"));
    assertEquals(403, other.get("/api/v1/qa/inquiries/inbox?department=" + world.system).status());
    assertTrue(
        other.get("/api/v1/qa/inquiries/inbox").json().asJsonArray().stream()
            .noneMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));
    assertTrue(
        world
            .systemResponder
            .client()
            .get("/api/v1/qa/inquiries/inbox")
            .json()
            .asJsonArray()
            .stream()
            .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));
    assertEquals(403, other.post("/api/v1/qa/inquiries/" + id + "/answer/approval", null).status());
    assertEquals(
        403,
        world
            .cameraLead
            .client()
            .post("/api/v1/qa/inquiries/" + id + "/answer/approval", null)
            .status());
    assertEquals(
        403,
        world
            .systemResponder
            .client()
            .post("/api/v1/qa/inquiries/" + id + "/answer/approval", null)
            .status(),
        "only the lead approves");
    assertEquals(
        "assigned", anonymous().get("/api/v1/qa/inquiries/" + id).object().getString("state"));
    assertEquals(404, other.get("/api/v1/qa/inquiries/999999999").status());
  }

  @Test
  void theFirstDepartmentStaysResponsibleUntilTheSecondAccepts() {
    QaWorld world = new QaWorld(members(), "held");
    long id = world.assigned("Gallery sync " + world.tag, world.system);
    String dueDate = anonymous().get("/api/v1/qa/inquiries/" + id).object().getString("dueDate");
    JsonObject requested =
        ok(
            world
                .systemResponder
                .client()
                .post(
                    "/api/v1/qa/inquiries/" + id + "/transfer",
                    Json.createObjectBuilder().add("department", world.camera).build().toString()),
            200);
    assertEquals(
        world.system, requested.getJsonObject("department").getJsonNumber("id").longValue());
    assertEquals(
        world.camera, requested.getJsonObject("transferTo").getJsonNumber("id").longValue());

    assertEquals(
        403,
        world
            .cameraResponder
            .client()
            .put(
                "/api/v1/qa/inquiries/" + id + "/answer",
                json("text", "Too early", "outcome", "accepted"))
            .status(),
        "not yet responsible");
    assertEquals(
        403,
        world
            .systemResponder
            .client()
            .post("/api/v1/qa/inquiries/" + id + "/transfer/acceptance", null)
            .status(),
        "the sending department cannot accept for the receiving one");
    ok(
        world
            .systemResponder
            .client()
            .post(
                "/api/v1/qa/inquiries/" + id + "/holding-answers",
                json("text", "We are looking into it.")),
        201);

    JsonObject accepted =
        ok(
            world
                .cameraResponder
                .client()
                .post("/api/v1/qa/inquiries/" + id + "/transfer/acceptance", null),
            200);
    assertEquals(
        world.camera, accepted.getJsonObject("department").getJsonNumber("id").longValue());
    assertTrue(absent(accepted, "transferTo"));
    assertEquals(dueDate, accepted.getString("dueDate"));
    assertEquals(
        403,
        world
            .systemResponder
            .client()
            .put(
                "/api/v1/qa/inquiries/" + id + "/answer",
                json("text", "Late", "outcome", "accepted"))
            .status());
    world.answered(id, world.cameraResponder, world.cameraLead);
    assertTrue(
        accepted.getJsonArray("history").stream()
            .anyMatch(
                v ->
                    v.asJsonObject().getString("type").equals("transferred")
                        && !v.asJsonObject().isNull("ledgerIndex")));
  }

  @Test
  void aHoldingAnswerIsPublicButTheInquiryStillAwaitsItsAnswer() {
    QaWorld world = new QaWorld(members(), "at_once");
    long id = world.assigned("Notification delay " + world.tag, world.system);
    JsonObject held =
        ok(
            world
                .systemResponder
                .client()
                .post(
                    "/api/v1/qa/inquiries/" + id + "/holding-answers",
                    json("text", "We need two more weeks.")),
            201);
    assertEquals("assigned", held.getString("state"));
    JsonObject holding =
        anonymous()
            .get("/api/v1/qa/inquiries/" + id)
            .object()
            .getJsonArray("answers")
            .getJsonObject(0);
    assertEquals("holding", holding.getString("kind"));
    assertFalse(holding.isNull("ledgerIndex"));
    assertEquals(
        409,
        world.manager.client().post("/api/v1/qa/inquiries/" + id + "/publication", null).status());
  }

  @Test
  void answersOfAnAtOnceSessionArePublishedOnApprovalAndCorrectionsAreAppended() {
    QaWorld world = new QaWorld(members(), "at_once");
    long id = world.assigned("Dark mode " + world.tag, world.system);
    JsonObject approved = world.answered(id, world.systemResponder, world.systemLead);
    assertEquals("published", approved.getString("state"));
    JsonObject corrected =
        ok(
            world
                .systemLead
                .client()
                .post(
                    "/api/v1/qa/inquiries/" + id + "/corrections",
                    json("text", "Correction: the build is next month.")),
            201);
    var answers = corrected.getJsonArray("answers");
    assertEquals(2, answers.size());
    assertEquals("We are fixing it in the next build.", answers.getJsonObject(0).getString("text"));
    assertEquals("correction", answers.getJsonObject(1).getString("kind"));
    assertEquals(
        answers.getJsonObject(0).getJsonNumber("id").longValue(),
        answers.getJsonObject(1).getJsonNumber("corrects").longValue());
    assertEquals(
        403,
        world
            .systemResponder
            .client()
            .post("/api/v1/qa/inquiries/" + id + "/corrections", json("text", "Not the lead"))
            .status());
  }

  @Test
  void badInputIsRefusedWithAProblemAndNothingIsWritten() {
    QaWorld world = new QaWorld(members(), "held");
    ApiClient delegate = world.delegate.client();
    int before = delegate.get("/api/v1/qa/inquiries/mine").json().asJsonArray().size();

    String fourQuestions =
        Json.createObjectBuilder()
            .add("session", world.session)
            .add("kind", "question")
            .add("heading", "Many questions")
            .add("text", "Why? When? Where? How?")
            .add("interest", "None")
            .add("submit", true)
            .build()
            .toString();
    ApiClient.Response inadmissible = delegate.post("/api/v1/qa/inquiries", fourQuestions);
    assertEquals(422, inadmissible.status());
    assertEquals("inadmissible", inadmissible.problemType());

    ApiClient.Response badKind =
        delegate.post(
            "/api/v1/qa/inquiries",
            world.inquiry("Kind " + world.tag, true).replace("\"question\"", "\"rant\""));
    assertEquals(400, badKind.status());
    assertEquals("invalid-input", badKind.problemType());

    ApiClient.Response shortHeading =
        delegate.post("/api/v1/qa/inquiries", world.inquiry("Hi", true));
    assertEquals(400, shortHeading.status());

    ApiClient.Response unknownField =
        delegate.post(
            "/api/v1/qa/inquiries",
            world.inquiry("Unknown " + world.tag, true).replace("{", "{\"colour\":\"red\","));
    assertEquals(400, unknownField.status());
    assertEquals("malformed-body", unknownField.problemType());

    ApiClient.Response badLink =
        delegate.post(
            "/api/v1/qa/inquiries",
            world
                .inquiry("Link " + world.tag, true)
                .replace("{", "{\"links\":[\"javascript:alert(1)\"],"));
    assertEquals(400, badLink.status());

    ApiClient.Response notADelegate =
        world
            .systemResponder
            .client()
            .post("/api/v1/qa/inquiries", world.inquiry("Outsider " + world.tag, true));
    assertEquals(403, notADelegate.status());

    ApiClient.Response otherSessionDelegate =
        members()
            .withRoles("stranger", "delegate")
            .client()
            .post("/api/v1/qa/inquiries", world.inquiry("Stranger " + world.tag, true));
    assertEquals(403, otherSessionDelegate.status());

    assertEquals(before, delegate.get("/api/v1/qa/inquiries/mine").json().asJsonArray().size());

    long id = world.submitted("Triage " + world.tag);
    ApiClient manager = world.manager.client();
    assertEquals(
        400,
        manager
            .post("/api/v1/qa/inquiries/" + id + "/triage", json("decision", "reject"))
            .status());
    assertEquals(
        400,
        manager.post("/api/v1/qa/inquiries/" + id + "/triage", json("decision", "shrug")).status());
    assertEquals(
        400,
        manager
            .post(
                "/api/v1/qa/inquiries/" + id + "/assignment",
                Json.createObjectBuilder().add("department", 999999999).build().toString())
            .status());
    assertEquals(409, manager.post("/api/v1/qa/inquiries/" + id + "/publication", null).status());
    assertEquals(
        403,
        delegate
            .post("/api/v1/qa/inquiries/" + id + "/triage", json("decision", "admit"))
            .status());
    JsonObject rejected =
        ok(
            manager.post(
                "/api/v1/qa/inquiries/" + id + "/triage",
                json(
                    "decision",
                    "reject",
                    "reasonCode",
                    "personal_case",
                    "note",
                    "Contact support.")),
            200);
    assertEquals("rejected", rejected.getString("state"));
    assertEquals("personal_case", rejected.getString("reasonCode"));
    ApiClient.Response again =
        manager.post("/api/v1/qa/inquiries/" + id + "/triage", json("decision", "admit"));
    assertEquals(409, again.status());
    assertEquals("invalid-transition", again.problemType());
  }

  @Test
  void aRepeatAnsweredRecentlyIsShownBeforeFiling() {
    QaWorld world = new QaWorld(members(), "at_once");
    String word = "zq" + world.tag.replaceAll("[^a-z]", "x");
    long id = world.assigned("Lockscreen " + word + " widget clock", world.system);
    world.answered(id, world.systemResponder, world.systemLead);
    var repeats =
        anonymous()
            .get("/api/v1/qa/inquiries/repeats?q=Lockscreen%20" + word + "%20widget%20clock")
            .json()
            .asJsonArray();
    assertTrue(
        repeats.stream().anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));
  }

  @Test
  void plansRollUpTheirSubPlansAndTheDelegateConfirmsCompletion() {
    QaWorld world = new QaWorld(members(), "at_once");
    long id = world.assigned("Wake-locks " + world.tag, world.system);
    world.answered(id, world.systemResponder, world.systemLead);
    ApiClient lead = world.systemLead.client();
    String today = java.time.LocalDate.now().toString();
    String later = java.time.LocalDate.now().plusDays(30).toString();
    JsonObject parent =
        ok(
            lead.post(
                "/api/v1/qa/plans",
                Json.createObjectBuilder()
                    .add("title", "Standby fixes " + world.tag)
                    .add("description", "Remove wake-locks.")
                    .add("department", world.system)
                    .add("startDate", today)
                    .add("dueDate", later)
                    .add("inquiries", QaWorld.ids(id))
                    .build()
                    .toString()),
            201);
    long parentId = parent.getJsonNumber("id").longValue();
    long[] parts = new long[2];
    int[] weights = {3, 1};
    for (int n = 0; n < 2; n++) {
      parts[n] =
          ok(
                  lead.post(
                      "/api/v1/qa/plans",
                      Json.createObjectBuilder()
                          .add("title", "Part " + n)
                          .add("description", "A part.")
                          .add("department", world.system)
                          .add("parent", parentId)
                          .add("weight", weights[n])
                          .add("startDate", today)
                          .add("dueDate", later)
                          .build()
                          .toString()),
                  201)
              .getJsonNumber("id")
              .longValue();
    }
    ok(lead.patch("/api/v1/qa/plans/" + parts[0], json("status", "done")), 200);
    JsonObject rolled = anonymous().get("/api/v1/qa/plans/" + parentId).object();
    assertEquals(75, rolled.getInt("progress"));
    assertEquals(2, rolled.getJsonArray("subPlans").size());

    assertEquals(
        403,
        world
            .cameraResponder
            .client()
            .patch("/api/v1/qa/plans/" + parentId, json("status", "done"))
            .status());
    assertEquals(400, lead.patch("/api/v1/qa/plans/" + parentId, "{\"progress\":101}").status());
    ok(
        lead.post(
            "/api/v1/qa/plans/" + parentId + "/milestones",
            Json.createObjectBuilder()
                .add("date", today)
                .add("note", "Beta shipped.")
                .build()
                .toString()),
        201);

    ApiClient delegate = world.delegate.client();
    assertEquals(
        409, delegate.post("/api/v1/qa/plans/" + parentId + "/confirmation", null).status());
    ok(lead.patch("/api/v1/qa/plans/" + parentId, json("status", "done")), 200);
    assertEquals(
        403,
        world
            .systemResponder
            .client()
            .post("/api/v1/qa/plans/" + parentId + "/confirmation", null)
            .status());
    JsonObject confirmed =
        ok(delegate.post("/api/v1/qa/plans/" + parentId + "/confirmation", null), 200);
    assertEquals(
        world.delegate.id(),
        confirmed.getJsonObject("confirmedBy").getJsonNumber("id").longValue());
    assertEquals(1, confirmed.getJsonArray("milestones").size());

    JsonObject timeliness =
        anonymous().get("/api/v1/qa/departments/timeliness").json().asJsonArray().stream()
            .map(v -> v.asJsonObject())
            .filter(
                o -> o.getJsonObject("department").getJsonNumber("id").longValue() == world.system)
            .findFirst()
            .orElseThrow();
    assertEquals(1, timeliness.getJsonObject("ordinary").getInt("answered"));
    assertEquals(1, timeliness.getJsonObject("ordinary").getInt("onTime"));
    assertTrue(absent(timeliness.getJsonObject("ordinary"), "percent"), "below the minimum sample");
  }

  @Test
  void watchersGetTheLiveStateAsServerSentEventsWhenItChanges() throws Exception {
    QaWorld world = new QaWorld(members(), "held");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<InputStream> stream =
        http.send(
            HttpRequest.newBuilder(base().resolve("api/v1/qa/sessions/" + world.session + "/live"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, stream.statusCode());
    assertTrue(
        stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    try (BufferedReader events =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      JsonObject first = nextState(events);
      assertEquals("planned", first.getString("liveState"));
      ok(
          world
              .manager
              .client()
              .post("/api/v1/qa/sessions/" + world.session + "/live", json("action", "start")),
          200);
      JsonObject second = nextState(events);
      assertEquals("live", second.getString("liveState"));
      assertEquals(world.session, second.getJsonNumber("session").longValue());
    }
  }

  @Test
  void managersFindDelegatesAndStaffByNameAndRole() {
    QaWorld world = new QaWorld(members(), "held");
    ApiClient manager = world.manager.client();
    String name =
        anonymous().get("/api/v1/qa/departments").json().asJsonArray().stream()
            .map(v -> v.asJsonObject())
            .filter(d -> d.getJsonNumber("id").longValue() == world.system)
            .findFirst()
            .orElseThrow()
            .getJsonArray("responders")
            .getJsonObject(0)
            .getString("name");
    var found =
        manager
            .get("/api/v1/qa/departments/people?role=responder&q=" + name.replace(" ", "%20"))
            .json()
            .asJsonArray();
    assertEquals(1, found.size());
    assertEquals(
        world.systemResponder.id(), found.getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals(
        0,
        manager
            .get("/api/v1/qa/departments/people?role=delegate&q=" + name.replace(" ", "%20"))
            .json()
            .asJsonArray()
            .size(),
        "a responder is not a delegate");
    assertEquals(400, manager.get("/api/v1/qa/departments/people?role=admin&q=x").status());
    assertEquals(400, manager.get("/api/v1/qa/departments/people?role=delegate").status());
    assertEquals(
        403,
        world.delegate.client().get("/api/v1/qa/departments/people?role=delegate&q=a").status());
  }

  @Test
  void aQuietStreamGetsHeartbeatCommentsSoProxiesKeepItOpen() throws Exception {
    QaWorld world = new QaWorld(members(), "held");
    HttpResponse<InputStream> stream = watch(world.session, null);
    try (BufferedReader events =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      nextState(events);
      String comment =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      for (String line = events.readLine();
                          line != null;
                          line = events.readLine()) {
                        if (line.startsWith(":")) {
                          return line;
                        }
                      }
                      throw new AssertionError("the event stream ended");
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .get(90, TimeUnit.SECONDS);
      assertTrue(comment.contains("heartbeat"), comment);
    }
  }

  @Test
  void aWatcherThatReconnectsWithTheCurrentStatesIdGetsOnlyTheNextChange() throws Exception {
    QaWorld world = new QaWorld(members(), "held");
    String seen;
    try (BufferedReader events =
        new BufferedReader(
            new InputStreamReader(watch(world.session, null).body(), StandardCharsets.UTF_8))) {
      seen = nextStateEvent(events).id();
    }
    assertTrue(seen != null && !seen.isBlank(), "state events carry an id");
    try (BufferedReader stale =
        new BufferedReader(
            new InputStreamReader(
                watch(world.session, "0123456789abcdef").body(), StandardCharsets.UTF_8))) {
      StateEvent current = nextStateEvent(stale);
      assertEquals(seen, current.id(), "an unknown id gets the current state at once");
      assertEquals("planned", current.data().getString("liveState"));
    }
    try (BufferedReader resumed =
        new BufferedReader(
            new InputStreamReader(watch(world.session, seen).body(), StandardCharsets.UTF_8))) {
      ok(
          world
              .manager
              .client()
              .post("/api/v1/qa/sessions/" + world.session + "/live", json("action", "start")),
          200);
      StateEvent next = nextStateEvent(resumed);
      assertEquals("live", next.data().getString("liveState"), "the known state is not resent");
      assertFalse(seen.equals(next.id()));
    }
  }

  private HttpResponse<InputStream> watch(long session, String lastEventId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base().resolve("api/v1/qa/sessions/" + session + "/live"))
            .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> stream =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, stream.statusCode());
    return stream;
  }

  private record StateEvent(String id, JsonObject data) {}

  /** Reads up to the next "state" event, with its id, failing after a minute without one. */
  private static StateEvent nextStateEvent(BufferedReader events) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                boolean state = false;
                String id = null;
                for (String line = events.readLine(); line != null; line = events.readLine()) {
                  if (line.isEmpty()) {
                    state = false;
                    id = null;
                  } else if (line.equals("event: state") || line.equals("event:state")) {
                    state = true;
                  } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                  } else if (state && line.startsWith("data:")) {
                    JsonObject data =
                        Json.createReader(new StringReader(line.substring(5).strip())).readObject();
                    for (String rest = events.readLine();
                        rest != null && !rest.isEmpty();
                        rest = events.readLine()) {
                      if (rest.startsWith("id:")) {
                        id = rest.substring(3).strip();
                      }
                    }
                    return new StateEvent(id, data);
                  }
                }
                throw new AssertionError("the event stream ended");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .get(60, TimeUnit.SECONDS);
  }

  /** Reads up to the next "state" event's data, failing after a minute without one. */
  private static JsonObject nextState(BufferedReader events) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                boolean state = false;
                for (String line = events.readLine(); line != null; line = events.readLine()) {
                  if (line.equals("event: state") || line.equals("event:state")) {
                    state = true;
                  } else if (state && line.startsWith("data:")) {
                    return Json.createReader(new StringReader(line.substring(5).strip()))
                        .readObject();
                  }
                }
                throw new AssertionError("the event stream ended");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .get(60, TimeUnit.SECONDS);
  }
}
