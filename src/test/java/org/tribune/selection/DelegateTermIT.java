package org.tribune.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.selection.RoundSteps.advance;
import static org.tribune.selection.RoundSteps.create;
import static org.tribune.selection.RoundSteps.nominateSelf;
import static org.tribune.selection.RoundSteps.roundBody;
import static org.tribune.selection.RoundSteps.vote;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;

/** A delegate's term ends: the term job vacates the seat and takes the delegate role back. */
class DelegateTermIT extends ApiIT {

  @Test
  void whenATermEndsTheSeatIsVacantAndTheDelegateRoleIsGone() throws InterruptedException {
    RoundSteps steps = new RoundSteps(base());
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round =
        create(
            manager, roundBody("Term " + UUID.randomUUID().toString().substring(0, 6), 1, b -> {}));
    SignedIn kim = steps.member("Kim Term", "casual", "KR", "Redmi");
    long kimN = nominateSelf(kim, round);
    long leeN = nominateSelf(steps.member("Lee Term", "developer", "KR", "POCO"), round);
    advance(manager, round, "endorsement");
    advance(manager, round, "voting");
    assertEquals(201, vote(members().signUp("term-voter"), round, List.of(kimN, leeN)).status());
    advance(manager, round, "counting");
    Response counted = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(200, counted.status(), counted.toString());
    JsonObject delegate =
        anonymous().get("/api/v1/selection/delegates").json().asJsonArray().stream()
            .map(JsonObject.class::cast)
            .filter(d -> d.getJsonNumber("roundId").longValue() == round)
            .findFirst()
            .orElseThrow();
    long id = delegate.getJsonNumber("id").longValue();
    assertEquals("serving", delegate.getString("status"));
    assertFalse(delegate.getBoolean("seatVacant"));
    assertTrue(roles(kim).contains("delegate"));

    String endTerm = "/api/v1/selection/delegates/" + id + "/end-term";
    assertEquals(403, kim.client().post(endTerm, "{\"reason\":\"mine\"}").status());
    assertEquals(400, manager.client().post(endTerm, "{}").status());
    Response ended = manager.client().post(endTerm, "{\"reason\":\"Kim resigned\"}");
    assertEquals(200, ended.status(), ended.toString());
    assertTrue(ended.object().getBoolean("seatVacant"));
    assertTrue(
        anonymous().get("/api/v1/selection/delegates").json().asJsonArray().stream()
            .map(JsonObject.class::cast)
            .noneMatch(d -> d.getJsonNumber("id").longValue() == id),
        "a delegate whose term is over is not listed as serving");

    // The term job (once across instances, every 30 s by default) ends the term.
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    JsonObject after = anonymous().get("/api/v1/selection/delegates/" + id).object();
    while (!after.getString("status").equals("ended") && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      after = anonymous().get("/api/v1/selection/delegates/" + id).object();
    }
    assertEquals("ended", after.getString("status"), after.toString());
    assertTrue(after.containsKey("endedAt"), after.toString());
    assertTrue(after.getBoolean("seatVacant"));
    assertFalse(roles(kim).contains("delegate"), "the role goes with the term");
    assertEquals(409, manager.client().post(endTerm, "{\"reason\":\"again\"}").status());
    assertTrue(
        members()
            .admin()
            .client()
            .get("/api/v1/audit?limit=200")
            .object()
            .getJsonArray("items")
            .stream()
            .map(JsonObject.class::cast)
            .anyMatch(
                e ->
                    e.getString("action").equals("selection.delegate.term-end")
                        && e.getString("subjectId").equals(Long.toString(kim.id()))));
  }

  private String roles(SignedIn member) {
    return members()
        .admin()
        .client()
        .get("/api/v1/members/" + member.id())
        .object()
        .getJsonArray("roles")
        .toString();
  }
}
