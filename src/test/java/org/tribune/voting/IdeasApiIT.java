package org.tribune.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;

/** The Ideas part of the API contract (docs/api.md), spoken over HTTP as a client would. */
class IdeasApiIT extends ApiIT {

  @Test
  void memberSubmitsAnIdeaAndAnyoneReadsIt() {
    SignedIn author = members().signUp("author");
    String tag = tag();
    Response created = submit(author.client(), "Dark mode " + tag, "Make every screen dark.");
    assertEquals(201, created.status(), created.toString());
    JsonObject idea = created.object();
    long id = idea.getJsonNumber("id").longValue();
    assertTrue(created.header("Location").orElse("").endsWith("/api/v1/ideas/" + id));
    assertEquals("open", idea.getString("status"));
    assertEquals(0, idea.getInt("votes"));
    assertFalse(idea.getBoolean("textFrozen"));
    assertEquals(author.id(), idea.getJsonObject("author").getJsonNumber("id").longValue());
    assertFalse(idea.getJsonObject("author").getString("displayName").isEmpty());
    assertEquals("open", idea.getJsonArray("history").getJsonObject(0).getString("to"));

    Response read = anonymous().get("/api/v1/ideas/" + id);
    assertEquals(200, read.status());
    assertEquals("Make every screen dark.", read.object().getString("body"));
    assertFalse(read.object().getBoolean("myVote"));
    assertFalse(read.object().getBoolean("following"));
  }

  @Test
  void listSortsByTopTrendingAndNewAndFiltersByText() {
    SignedIn author = members().signUp("lister");
    String tag = tag();
    long a = id(submit(author.client(), "Alpha " + tag, "The first idea of this test."));
    long b = id(submit(author.client(), "Bravo " + tag, "The second idea of this test."));
    long c = id(submit(author.client(), "Charlie " + tag, "The third idea of this test."));
    SignedIn v1 = members().signUp("voter");
    SignedIn v2 = members().signUp("voter");
    vote(v1, a);
    vote(v2, a);
    vote(v1, b);

    assertEquals(List.of(a, b, c), ids(list("sort=top&q=" + tag)));
    assertEquals(List.of(a, b, c), ids(list("sort=trending&q=" + tag)));
    assertEquals(List.of(c, b, a), ids(list("sort=new&q=" + tag)));
    JsonObject page = list("sort=new&limit=2&offset=1&q=" + tag);
    assertEquals(3, page.getInt("total"));
    assertEquals(List.of(b, a), ids(page));
    JsonObject top = list("sort=top&q=" + tag).getJsonArray("items").getJsonObject(0);
    assertEquals(2, top.getInt("votes"));
    assertTrue(top.getJsonNumber("trendingScore").doubleValue() > 1.9);
    assertEquals(List.of(b), ids(list("q=bravo%20" + tag)));
  }

  @Test
  void similarFindsExistingIdeasInEnglishAndChinese() {
    SignedIn author = members().signUp("similar");
    String tag = tag();
    long english =
        id(
            submit(
                author.client(),
                "Schedule quiet hours " + tag,
                "Silence notifications automatically at night."));
    long chinese = id(submit(author.client(), "定时勿扰模式" + tag, "希望晚上自动开启勿扰模式，静音所有通知。"));

    JsonArray found = array(anonymous().get("/api/v1/ideas/similar?q=quiet%20hours%20schedule"));
    assertTrue(ids(found).contains(english), found.toString());
    assertFalse(ids(found).contains(chinese));
    JsonArray zh = array(anonymous().get("/api/v1/ideas/similar?q=" + encode("希望支持勿扰模式")));
    assertTrue(ids(zh).contains(chinese), zh.toString());
    JsonArray none = array(anonymous().get("/api/v1/ideas/similar?q=" + tag + "xyzzy%20plugh"));
    assertEquals(0, none.size());
    assertEquals(
        "q",
        anonymous()
            .get("/api/v1/ideas/similar")
            .object()
            .getJsonArray("errors")
            .getJsonObject(0)
            .getString("field"));
  }

  @Test
  void authorEditsUntilTheFirstVoteThenClarifies() {
    SignedIn author = members().signUp("editor");
    long id = id(submit(author.client(), "Bigger icons " + tag(), "Icons are too small."));
    Response edited =
        author.client().patch("/api/v1/ideas/" + id, "{\"body\":\"Icons are far too small.\"}");
    assertEquals(200, edited.status(), edited.toString());
    assertEquals("Icons are far too small.", edited.object().getString("body"));

    SignedIn voter = members().signUp("voter");
    vote(voter, id);
    Response frozen = author.client().patch("/api/v1/ideas/" + id, "{\"title\":\"Huge icons\"}");
    assertEquals(422, frozen.status());
    assertEquals("text-frozen", frozen.problemType());

    Response clarified =
        author
            .client()
            .post("/api/v1/ideas/" + id + "/clarifications", "{\"body\":\"On the home screen.\"}");
    assertEquals(201, clarified.status(), clarified.toString());
    Response notAuthor =
        voter.client().post("/api/v1/ideas/" + id + "/clarifications", "{\"body\":\"Me too\"}");
    assertEquals(403, notAuthor.status());
    assertEquals("forbidden", notAuthor.problemType());

    JsonObject idea = voter.client().get("/api/v1/ideas/" + id).object();
    assertTrue(idea.getBoolean("textFrozen"));
    assertTrue(idea.getBoolean("myVote"));
    assertTrue(idea.getString("title").startsWith("Bigger icons"));
    assertEquals(1, idea.getJsonArray("clarifications").size());
  }

  @Test
  void onlyTheAuthorEdits() {
    SignedIn author = members().signUp("owner");
    long id = id(submit(author.client(), "Owned idea " + tag(), "Only I may edit this."));
    Response other =
        members().signUp("other").client().patch("/api/v1/ideas/" + id, "{\"title\":\"Mine now\"}");
    assertEquals(403, other.status());
    assertEquals("forbidden", other.problemType());
    Response anonymous = anonymous().patch("/api/v1/ideas/" + id, "{\"title\":\"Mine now\"}");
    assertEquals(401, anonymous.status());
  }

  @Test
  void commentsAndFollowing() {
    SignedIn author = members().signUp("commenter");
    long id = id(submit(author.client(), "Comment me " + tag(), "Say something nice."));
    SignedIn fan = members().signUp("fan");
    Response comment =
        fan.client().post("/api/v1/ideas/" + id + "/comments", "{\"body\":\"Great idea\"}");
    assertEquals(201, comment.status(), comment.toString());
    assertEquals(
        fan.id(), comment.object().getJsonObject("author").getJsonNumber("id").longValue());
    JsonObject comments = anonymous().get("/api/v1/ideas/" + id + "/comments").object();
    assertEquals(1, comments.getInt("total"));
    assertEquals("Great idea", comments.getJsonArray("items").getJsonObject(0).getString("body"));
    assertEquals(1, anonymous().get("/api/v1/ideas/" + id).object().getInt("commentCount"));

    assertEquals(204, fan.client().put("/api/v1/ideas/" + id + "/follow", null).status());
    assertEquals(204, fan.client().put("/api/v1/ideas/" + id + "/follow", null).status());
    JsonObject seen = fan.client().get("/api/v1/ideas/" + id).object();
    assertTrue(seen.getBoolean("following"));
    assertEquals(1, seen.getInt("followers"));
    assertEquals(204, fan.client().delete("/api/v1/ideas/" + id + "/follow").status());
    assertEquals(0, anonymous().get("/api/v1/ideas/" + id).object().getInt("followers"));
    assertEquals(401, anonymous().put("/api/v1/ideas/" + id + "/follow", null).status());
  }

  @Test
  void badInputIsAProblemAndChangesNothing() {
    SignedIn author = members().signUp("sloppy");
    String tag = tag();
    assertInvalid(submit(author.client(), "Shrt", "Long enough body " + tag), "title");
    assertInvalid(submit(author.client(), "Long enough title " + tag, "short"), "body");
    assertInvalid(submit(author.client(), "x".repeat(141), "Long enough body " + tag), "title");
    Response broken = author.client().post("/api/v1/ideas", "{\"title\":\"Title " + tag);
    assertEquals(400, broken.status());
    assertEquals("malformed-body", broken.problemType());
    Response notJson =
        author
            .client()
            .send(
                "POST",
                "/api/v1/ideas",
                "title=x",
                java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertEquals(415, notJson.status());
    assertEquals(0, list("q=" + tag).getInt("total"));

    assertInvalid(anonymous().get("/api/v1/ideas?limit=0"), "limit");
    assertInvalid(anonymous().get("/api/v1/ideas?limit=101"), "limit");
    assertInvalid(anonymous().get("/api/v1/ideas?limit=ten"), "limit");
    assertInvalid(anonymous().get("/api/v1/ideas?sort=hot"), "sort");
    assertInvalid(anonymous().get("/api/v1/ideas?status=maybe"), "status");
    Response missing = anonymous().get("/api/v1/ideas/987654321");
    assertEquals(404, missing.status());
    assertEquals("not-found", missing.problemType());
  }

  @Test
  void anonymousMayOnlyRead() {
    assertEquals(200, anonymous().get("/api/v1/ideas").status());
    Response submit = submit(anonymous(), "Anonymous idea", "Nobody signed in here.");
    assertEquals(401, submit.status());
    assertEquals("unauthenticated", submit.problemType());
  }

  static Response submit(ApiClient client, String title, String body) {
    return client.post(
        "/api/v1/ideas",
        Json.createObjectBuilder().add("title", title).add("body", body).build().toString());
  }

  static long id(Response created) {
    assertEquals(201, created.status(), created.toString());
    return created.object().getJsonNumber("id").longValue();
  }

  static void vote(SignedIn member, long idea) {
    Response vote = member.client().post("/api/v1/ideas/" + idea + "/votes", null);
    assertEquals(201, vote.status(), vote.toString());
  }

  static void assertInvalid(Response response, String field) {
    assertEquals(400, response.status(), response.toString());
    assertEquals("invalid-input", response.problemType());
    assertEquals(
        field, response.object().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  /** A word no other test uses, to find this test's ideas among everyone's. */
  static String tag() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private JsonObject list(String query) {
    Response response = anonymous().get("/api/v1/ideas?" + query);
    assertEquals(200, response.status(), response.toString());
    return response.object();
  }

  private static JsonArray array(Response response) {
    assertEquals(200, response.status(), response.toString());
    return (JsonArray) response.json();
  }

  static List<Long> ids(JsonObject page) {
    return ids(page.getJsonArray("items"));
  }

  static List<Long> ids(JsonArray items) {
    return items.stream()
        .map(JsonValue::asJsonObject)
        .map(o -> o.getJsonNumber("id").longValue())
        .toList();
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
