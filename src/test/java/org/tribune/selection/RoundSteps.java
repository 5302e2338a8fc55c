package org.tribune.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.Members;
import org.tribune.testsupport.Members.SignedIn;

/** What the selection ITs do over HTTP, step by step. */
public final class RoundSteps {

  private final URI base;

  public RoundSteps(URI base) {
    this.base = base;
  }

  /** Signs up a member with the given attributes, through the public API. */
  public SignedIn member(String prefix, String type, String region, String device) {
    String email = Members.uniqueEmail(prefix.replace(' ', '-').toLowerCase());
    ApiClient client = new ApiClient(base);
    Response r =
        client.post(
            "/api/v1/members",
            Json.createObjectBuilder()
                .add("email", email)
                .add("password", Members.PASSWORD)
                .add("displayName", prefix)
                .add("locale", "en")
                .add("memberType", type)
                .add("deviceLine", device)
                .add("region", region)
                .build()
                .toString());
    assertEquals(201, r.status(), r.toString());
    client.csrfToken(r.object().getString("csrfToken"));
    return new SignedIn(
        r.object().getJsonObject("member").getJsonNumber("id").longValue(), email, client);
  }

  /** A round whose nomination is open now, with no floors; {@code tweak} changes the body. */
  public static JsonObjectBuilder roundBody(
      String title, int seats, Consumer<JsonObjectBuilder> tweak) {
    Instant now = Instant.now();
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("title", title)
            .add("description", "A round for the tests")
            .add("method", "stv")
            .add("seats", seats)
            .add("nominationOpensAt", now.minus(Duration.ofMinutes(1)).toString())
            .add("nominationClosesAt", now.plus(Duration.ofDays(7)).toString())
            .add("endorsementClosesAt", now.plus(Duration.ofDays(10)).toString())
            .add("votingClosesAt", now.plus(Duration.ofDays(17)).toString())
            .add("minAccountDays", 0)
            .add("minActivity", 0);
    tweak.accept(body);
    return body;
  }

  /** A sortition round's body (as {@link #roundBody}) with one quota. */
  public static JsonObjectBuilder sortitionBody(
      String title, int seats, String category, String feature, int min, int max) {
    return roundBody(
        title,
        seats,
        b ->
            b.add("method", "sortition")
                .add(
                    "quotas",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("category", category)
                                .add("feature", feature)
                                .add("min", min)
                                .add("max", max))));
  }

  public static long create(SignedIn manager, JsonObjectBuilder body) {
    Response r = manager.client().post("/api/v1/selection/rounds", body.build().toString());
    assertEquals(201, r.status(), r.toString());
    return r.object().getJsonNumber("id").longValue();
  }

  public static JsonObject advance(SignedIn manager, long round, String expectedPhase) {
    Response r =
        manager
            .client()
            .post(
                "/api/v1/selection/rounds/" + round + "/advance", "{\"reason\":\"tests move on\"}");
    assertEquals(200, r.status(), r.toString());
    assertEquals(expectedPhase, r.object().getString("phase"));
    return r.object();
  }

  public static long nominateSelf(SignedIn member, long round) {
    Response r =
        member
            .client()
            .post(
                "/api/v1/selection/rounds/" + round + "/nominations",
                "{\"statement\":\"I will ask hard questions.\"}");
    assertEquals(201, r.status(), r.toString());
    assertEquals("accepted", r.object().getString("status"));
    return r.object().getJsonNumber("id").longValue();
  }

  public static Response endorse(SignedIn member, long round, long nomination) {
    return member
        .client()
        .post(
            "/api/v1/selection/rounds/" + round + "/nominations/" + nomination + "/endorsements",
            null);
  }

  /** A plain-text download, as a browser asks for it. */
  public static Response text(ApiClient client, String path) {
    return client.send("GET", path, null, java.util.Map.of("Accept", "text/plain, */*"));
  }

  public static Response vote(SignedIn member, long round, List<Long> ranking) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    ranking.forEach(list::add);
    return member
        .client()
        .post(
            "/api/v1/selection/rounds/" + round + "/ballots",
            Json.createObjectBuilder().add("ranking", list).build().toString());
  }
}
