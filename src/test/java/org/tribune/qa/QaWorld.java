package org.tribune.qa;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.Members;
import org.tribune.testsupport.Members.SignedIn;

/**
 * A small Q&amp;A world made through the API, as the people involved would: a community manager,
 * two departments each with a lead and a responder, a delegate, and a session open for filing.
 */
public final class QaWorld {

  public final SignedIn manager;
  public final SignedIn delegate;
  public final SignedIn systemLead;
  public final SignedIn systemResponder;
  public final SignedIn cameraLead;
  public final SignedIn cameraResponder;
  public final long system;
  public final long camera;
  public final long session;
  public final String tag = UUID.randomUUID().toString().substring(0, 8);

  public QaWorld(Members members, String releaseMode) {
    manager = members.withRoles("manager", "community_manager");
    delegate = members.withRoles("delegate", "delegate");
    systemLead = members.withRoles("syslead", "responder");
    systemResponder = members.withRoles("sysresp", "responder");
    cameraLead = members.withRoles("camlead", "responder");
    cameraResponder = members.withRoles("camresp", "responder");
    system = department("System " + tag, systemLead, systemResponder);
    camera = department("Camera " + tag, cameraLead, cameraResponder);
    Instant now = Instant.now();
    JsonObject created =
        ok(
            manager
                .client()
                .post(
                    "/api/v1/qa/sessions",
                    Json.createObjectBuilder()
                        .add("title", "Session " + tag)
                        .add("date", LocalDate.now().plusDays(14).toString())
                        .add("filingOpens", now.minus(1, ChronoUnit.HOURS).toString())
                        .add("filingCloses", now.plus(7, ChronoUnit.DAYS).toString())
                        .add("releaseMode", releaseMode)
                        .add("delegates", Json.createArrayBuilder().add(delegate.id()))
                        .build()
                        .toString()),
            201);
    session = created.getJsonNumber("id").longValue();
  }

  private long department(String name, SignedIn lead, SignedIn responder) {
    JsonObject created =
        ok(
            manager
                .client()
                .post(
                    "/api/v1/qa/departments",
                    Json.createObjectBuilder()
                        .add("name", name)
                        .add("lead", lead.id())
                        .add("responders", Json.createArrayBuilder().add(responder.id()))
                        .build()
                        .toString()),
            201);
    return created.getJsonNumber("id").longValue();
  }

  /** Files and submits an inquiry as the delegate; returns its id. */
  public long submitted(String heading) {
    return ok(delegate.client().post("/api/v1/qa/inquiries", inquiry(heading, true)), 201)
        .getJsonNumber("id")
        .longValue();
  }

  public String inquiry(String heading, boolean submit) {
    return Json.createObjectBuilder()
        .add("session", session)
        .add("kind", "question")
        .add("heading", heading)
        .add("text", "What is planned about " + heading + "?")
        .add("interest", "I use this every day.")
        .add("submit", submit)
        .build()
        .toString();
  }

  /** Submitted and assigned to the department. */
  public long assigned(String heading, long department) {
    long id = submitted(heading);
    ok(
        manager
            .client()
            .post(
                "/api/v1/qa/inquiries/" + id + "/assignment",
                Json.createObjectBuilder().add("department", department).build().toString()),
        200);
    return id;
  }

  /** The responder drafts and the lead approves. */
  public JsonObject answered(long id, SignedIn responder, SignedIn lead) {
    ok(
        responder
            .client()
            .put(
                "/api/v1/qa/inquiries/" + id + "/answer",
                Json.createObjectBuilder()
                    .add("text", "We are fixing it in the next build.")
                    .add("outcome", "accepted")
                    .build()
                    .toString()),
        200);
    return ok(lead.client().post("/api/v1/qa/inquiries/" + id + "/answer/approval", null), 200);
  }

  public static JsonArrayBuilder ids(long... ids) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (long id : ids) {
      array.add(id);
    }
    return array;
  }

  public static JsonObject ok(ApiClient.Response response, int status) {
    if (response.status() != status) {
      throw new AssertionError("Expected " + status + ", got " + response);
    }
    return response.object();
  }
}
