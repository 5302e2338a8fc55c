package org.tribune.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.tribune.selection.RoundSteps;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Outcome reports over HTTP: a community manager drafts, edits and publishes; a published version
 * never changes and its hash is in the ledger; the open data and the feeds say the same as the
 * page; bad input and wrong roles change nothing.
 */
class ReportsApiIT extends ApiIT {

  static final String ATOM = "http://www.w3.org/2005/Atom";

  /** The Chinese label of the votes_cast figure (labels_zh_CN.properties). */
  static final String ZH_VOTES_CAST = "\u6295\u7968";

  /** A scoreboard period no other test uses: a random month in a past century. */
  static String uniquePeriod() {
    LocalDate from =
        LocalDate.of(
            1200 + ThreadLocalRandom.current().nextInt(700),
            1 + ThreadLocalRandom.current().nextInt(12),
            1);
    return from + ".." + from.plusMonths(1).minusDays(1);
  }

  private SignedIn manager() {
    return members().withRoles("report-mgr", "community_manager");
  }

  /** Drafts a report and answers the draft's id. */
  private static long draftId(ApiClient mgr, String kind, String subject) {
    Response created = mgr.post("/api/v1/reports/drafts", draftBody(kind, subject));
    assertEquals(201, created.status(), created.toString());
    return created.object().getJsonNumber("id").longValue();
  }

  private static String draftBody(String kind, String subject) {
    return Json.createObjectBuilder().add("kind", kind).add("subject", subject).build().toString();
  }

  @Test
  void publishingFreezesAVersionAndASecondPublishIsANewVersion() throws Exception {
    ApiClient mgr = manager().client();
    String period = uniquePeriod();
    Response created = mgr.post("/api/v1/reports/drafts", draftBody("scoreboard", period));
    assertEquals(201, created.status(), created.toString());
    long id = created.object().getJsonNumber("id").longValue();
    assertEquals("draft", created.object().getString("status"));
    assertEquals(1, created.object().getInt("version"));

    String base = "/api/v1/reports/scoreboard/" + period;
    assertEquals(404, anonymous().get(base + "/versions/1").status(), "a draft is not public");

    Response edited =
        mgr.patch(
            "/api/v1/reports/drafts/" + id,
            "{\"title\":\"Scoreboard under test\",\"summary\":\"Departments kept pace. 部门准时。\"}");
    assertEquals(200, edited.status(), edited.toString());

    Response published = mgr.post("/api/v1/reports/drafts/" + id + "/publish", "{}");
    assertEquals(200, published.status(), published.toString());
    JsonObject v1 = published.object();
    assertEquals("published", v1.getString("status"));
    String sha1 = v1.getString("sha256");

    // the exact document bytes hash to the published SHA-256 and carry the summary
    Response document = anonymous().get(base + "/versions/1/document.json");
    assertEquals(200, document.status());
    assertEquals(sha1, sha256(document.body()));
    assertTrue(document.body().contains("部门准时"), document.body());

    // the ledger entry records that hash
    long index = v1.getJsonNumber("ledgerIndex").longValue();
    JsonObject entry =
        anonymous()
            .get("/api/v1/ledger/entries?start=" + index + "&end=" + (index + 1))
            .object()
            .getJsonArray("entries")
            .getJsonObject(0);
    String leaf =
        new String(Base64.getDecoder().decode(entry.getString("leaf")), StandardCharsets.UTF_8);
    JsonObject fields = read(leaf).asJsonObject();
    assertEquals("report-published", fields.getString("type"));
    assertEquals(sha1, fields.getString("sha256"));
    assertEquals(period, fields.getString("subject"));
    assertEquals(1, fields.getInt("version"));

    // published is immutable
    Response again = mgr.patch("/api/v1/reports/drafts/" + id, "{\"summary\":\"changed\"}");
    assertEquals(409, again.status(), again.toString());
    assertTrue(again.contentType().startsWith("application/problem+json"));
    assertEquals(409, mgr.post("/api/v1/reports/drafts/" + id + "/publish", "{}").status());

    // version 2 needs a change note; without one nothing is published
    Response second = mgr.post("/api/v1/reports/drafts", draftBody("scoreboard", period));
    assertEquals(201, second.status(), second.toString());
    long id2 = second.object().getJsonNumber("id").longValue();
    assertEquals(2, second.object().getInt("version"));
    assertEquals("Scoreboard under test", second.object().getString("title"));
    assertEquals(
        409,
        mgr.post("/api/v1/reports/drafts", draftBody("scoreboard", period)).status(),
        "one draft at a time");
    Response noNote = mgr.post("/api/v1/reports/drafts/" + id2 + "/publish", "{}");
    assertEquals(422, noNote.status(), noNote.toString());
    assertTrue(noNote.problemType().endsWith("change-note-required"));
    assertEquals(1, anonymous().get(base).json().asJsonArray().size());

    Response v2 =
        mgr.post(
            "/api/v1/reports/drafts/" + id2 + "/publish",
            "{\"changeNote\":\"Recounted after a late answer\"}");
    assertEquals(200, v2.status(), v2.toString());
    assertEquals(2, v2.object().getInt("version"));
    assertNotEquals(sha1, v2.object().getString("sha256"));

    // the first version is unchanged
    Response firstAgain = anonymous().get(base + "/versions/1/document.json");
    assertEquals(document.body(), firstAgain.body());
    JsonArray versions = anonymous().get(base).json().asJsonArray();
    assertEquals(2, versions.size());
    assertEquals(
        "Recounted after a late answer",
        anonymous()
            .get(base + "/versions/2")
            .object()
            .getJsonObject("document")
            .getString("changeNote"));
    // and the public list shows the newest version only
    boolean listed = false;
    for (JsonValue v :
        anonymous().get("/api/v1/reports?kind=scoreboard&limit=200").json().asJsonArray()) {
      JsonObject o = v.asJsonObject();
      if (o.getString("subject").equals(period)) {
        assertEquals(2, o.getInt("version"));
        listed = true;
      }
    }
    assertTrue(listed);
    // cache-friendly: the hash is the ETag
    assertEquals(304, conditional(base + "/versions/1/document.json", "\"" + sha1 + "\""));
  }

  @Test
  void exportsMatchThePageNumbers() throws Exception {
    SignedIn author = members().signUp("report-author");
    Response idea =
        author
            .client()
            .post(
                "/api/v1/ideas",
                "{\"title\":\"Report me "
                    + System.nanoTime()
                    + "\",\"body\":\"An idea the weekly report counts.\"}");
    assertEquals(201, idea.status(), idea.toString());
    long ideaId = idea.object().getJsonNumber("id").longValue();
    SignedIn voter = members().signUp("report-voter");
    assertEquals(201, voter.client().post("/api/v1/ideas/" + ideaId + "/votes", null).status());

    ApiClient mgr = manager().client();
    String week = isoWeek(LocalDate.now(ZoneOffset.UTC));
    Response created = mgr.post("/api/v1/reports/drafts", draftBody("weekly", week));
    long id;
    if (created.status() == 409) {
      id = created.object().getJsonNumber("draft").longValue();
      assertEquals(200, mgr.post("/api/v1/reports/drafts/" + id + "/regenerate", "").status());
    } else {
      assertEquals(201, created.status(), created.toString());
      id = created.object().getJsonNumber("id").longValue();
    }
    Response published =
        mgr.post(
            "/api/v1/reports/drafts/" + id + "/publish",
            "{\"changeNote\":\"This week's figures, regenerated by a test\"}");
    assertEquals(200, published.status(), published.toString());
    int version = published.object().getInt("version");
    String base = "/api/v1/reports/weekly/" + week + "/versions/" + version;

    JsonObject page = anonymous().get(base).object().getJsonObject("document");
    JsonObject votes = figure(page, "votes_cast");
    assertTrue(votes.getJsonNumber("value").longValue() >= 1, page.toString());
    JsonObject top = table(page, "top_ideas");
    boolean found = false;
    for (JsonValue row : top.getJsonArray("rows")) {
      if (row.asJsonArray().getJsonNumber(0).longValue() == ideaId) {
        assertEquals(1, row.asJsonArray().getJsonNumber(2).longValue());
        found = true;
      }
    }
    assertTrue(found, top.toString());

    // the printable page (by Accept, in the asked language) and the PDF show the same report
    Response html =
        anonymous().send("GET", base + "?lang=zh-CN", null, Map.of("Accept", "text/html"));
    assertEquals(200, html.status(), html.toString());
    assertTrue(html.contentType().startsWith("text/html"), html.contentType());
    assertEquals("zh-CN", html.header("Content-Language").orElse(""));
    assertTrue(html.body().contains(ZH_VOTES_CAST), "Chinese labels");
    assertTrue(html.body().contains(idea.object().getString("title")), "the idea is on the page");
    byte[] pdf = bytes(base + "/report.pdf?lang=en", "application/pdf");
    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));

    Map<String, byte[]> bundle = unzip(bytes(base + "/bundle.zip", "application/zip"));
    assertEquals("%PDF", new String(bundle.get("report-en.pdf"), 0, 4, StandardCharsets.US_ASCII));
    assertEquals(
        "%PDF", new String(bundle.get("report-zh-CN.pdf"), 0, 4, StandardCharsets.US_ASCII));
    assertEquals(
        anonymous().get(base + "/document.json").body(), utf8(bundle.get("document.json")));
    assertTrue(bundle.containsKey("README.txt"));
    assertTrue(bundle.containsKey("schema.json"));
    for (JsonValue t : page.getJsonArray("tables")) {
      JsonObject table = t.asJsonObject();
      String tid = table.getString("id");
      String csv = any(base + "/tables/" + tid + ".csv").body();
      String json = anonymous().get(base + "/tables/" + tid + ".json").body();
      assertEquals(csv, utf8(bundle.get("tables/" + tid + ".csv")));
      assertEquals(json, utf8(bundle.get("tables/" + tid + ".json")));
      assertEquals(table.getJsonArray("rows"), read(json).asJsonObject().getJsonArray("rows"));
      List<List<String>> parsed = parseCsv(csv);
      JsonArray columns = table.getJsonArray("columns");
      for (int c = 0; c < columns.size(); c++) {
        assertEquals(columns.getJsonObject(c).getString("id"), parsed.get(0).get(c));
      }
      JsonArray rows = table.getJsonArray("rows");
      assertEquals(rows.size() + 1, parsed.size(), tid);
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < columns.size(); c++) {
          assertEquals(
              text(rows.getJsonArray(r).get(c)), parsed.get(r + 1).get(c), tid + " " + r + "," + c);
        }
      }
    }
    assertEquals(404, any(base + "/tables/no_such_table.csv").status());
  }

  /**
   * A sortition round's report shows the probabilities of the recorded draw in the page, the PDF
   * and the open data. One developer of two and one casual member of two for two seats (developers
   * exactly 1): everyone's LEXIMIN probability is 1/2, and each member type expects 1.00 seat.
   */
  @Test
  void selectionReportOfASortitionShowsTheDrawsProbabilities() throws Exception {
    RoundSteps steps = new RoundSteps(base());
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round =
        RoundSteps.create(
            manager, RoundSteps.sortitionBody("Report lot", 2, "member_type", "developer", 1, 1));
    String tag = Long.toString(System.nanoTime() % 100_000, 36);
    List<String> names =
        List.of("Ada" + tag, "Bea" + tag, "Cai" + tag, "Dov" + tag); // sorted by name
    RoundSteps.nominateSelf(steps.member(names.get(0), "developer", "IN", "POCO"), round);
    RoundSteps.nominateSelf(steps.member(names.get(1), "casual", "JP", "Redmi"), round);
    RoundSteps.nominateSelf(steps.member(names.get(2), "developer", "BR", "Redmi"), round);
    RoundSteps.nominateSelf(steps.member(names.get(3), "casual", "IN", "POCO"), round);
    RoundSteps.advance(manager, round, "endorsement");
    RoundSteps.advance(manager, round, "voting");
    RoundSteps.advance(manager, round, "counting");
    Response drawn = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(200, drawn.status(), drawn.toString());

    ApiClient mgr = manager.client();
    long id = draftId(mgr, "selection", Long.toString(round));
    Response published = mgr.post("/api/v1/reports/drafts/" + id + "/publish", "{}");
    assertEquals(200, published.status(), published.toString());
    String base = "/api/v1/reports/selection/" + round + "/versions/1";

    JsonObject document = anonymous().get(base).object().getJsonObject("document");
    assertEquals("panel", figure(document, "draw_stage").getString("value"));
    JsonObject probabilities = table(document, "probabilities");
    JsonArray rows = probabilities.getJsonArray("rows");
    assertEquals(4, rows.size(), probabilities.toString());
    long selected = 0;
    for (int r = 0; r < 4; r++) {
      JsonArray row = rows.getJsonArray(r);
      assertEquals(names.get(r), row.getString(0));
      assertEquals(new java.math.BigDecimal("0.5000"), row.getJsonNumber(1).bigDecimalValue());
      selected += row.getJsonNumber(6).longValue();
      assertEquals("panel", row.getString(7));
    }
    assertEquals(2, selected, "the drawn panel");
    JsonArray categories = table(document, "probability_categories").getJsonArray("rows");
    assertEquals(2, categories.size(), categories.toString());
    for (JsonValue v : categories) {
      JsonArray row = v.asJsonArray();
      assertEquals("member_type", row.getString(0));
      assertEquals(2, row.getJsonNumber(4).longValue());
      assertEquals(new java.math.BigDecimal("1.00"), row.getJsonNumber(5).bigDecimalValue());
      assertEquals(1, row.getJsonNumber(7).longValue());
    }

    // the open data
    List<List<String>> csv = parseCsv(any(base + "/tables/probabilities.csv").body());
    assertEquals(5, csv.size(), "a header and the four volunteers");
    assertEquals(List.of("name", "probability"), csv.get(0).subList(0, 2));
    assertEquals(List.of(names.get(0), "0.5000"), csv.get(1).subList(0, 2));
    // the page
    String page = any(base + "/report.html?lang=en").body();
    int section = page.indexOf("data-table=\"probabilities\"");
    assertTrue(section > 0, "the probabilities table is on the page");
    String table = page.substring(section, page.indexOf("</section>", section));
    for (String name : names) {
      assertTrue(table.contains(name), name + " in the probabilities table");
    }
    assertTrue(table.contains("50.0%"), table);
    // the PDF
    String pdf;
    try (var doc =
        org.apache.pdfbox.Loader.loadPDF(bytes(base + "/report.pdf?lang=en", "application/pdf"))) {
      pdf = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
    }
    assertTrue(pdf.contains("Selection probabilities"), pdf);
    for (String name : names) {
      assertTrue(pdf.contains(name), name + " in the PDF");
    }
    assertTrue(pdf.contains("50.0%"), pdf);
  }

  /**
   * A published version's renderings are made once and cached: the same PDF bytes and strong ETag
   * on a second request, 304 to a conditional GET, public caching for browsers and the proxy; the
   * page and the PDF at the by-Accept URL have different tags; a draft's preview is never cached.
   */
  @Test
  void publishedRenderingsAreCachedWithStrongEtags() throws Exception {
    ApiClient mgr = manager().client();
    String period = uniquePeriod();
    long id = draftId(mgr, "scoreboard", period);
    Response preview =
        mgr.send(
            "GET",
            "/api/v1/reports/drafts/" + id + "/fragment.html?lang=en",
            null,
            Map.of("Accept", "text/html"));
    assertEquals(200, preview.status(), preview.toString());
    assertEquals("no-store", preview.header("Cache-Control").orElse(""));
    assertEquals(200, mgr.post("/api/v1/reports/drafts/" + id + "/publish", "{}").status());
    String base = "/api/v1/reports/scoreboard/" + period + "/versions/1";

    HttpResponse<byte[]> first = http11(base + "/report.pdf?lang=en", null, null);
    HttpResponse<byte[]> second = http11(base + "/report.pdf?lang=en", null, null);
    assertEquals(200, first.statusCode());
    assertEquals("%PDF", new String(first.body(), 0, 4, StandardCharsets.US_ASCII));
    assertTrue(java.util.Arrays.equals(first.body(), second.body()), "identical bytes");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertFalse(etag.startsWith("W/"), "a strong ETag: " + etag);
    assertEquals(etag, second.headers().firstValue("ETag").orElseThrow());
    assertEquals(
        "\""
            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first.body()))
            + "\"",
        etag,
        "the tag is the SHA-256 of the bytes");
    String cache = first.headers().firstValue("Cache-Control").orElse("");
    assertTrue(cache.contains("public") && cache.contains("max-age=86400"), cache);
    HttpResponse<byte[]> unchanged = http11(base + "/report.pdf?lang=en", null, etag);
    assertEquals(304, unchanged.statusCode());
    assertEquals(0, unchanged.body().length);
    assertEquals(etag, unchanged.headers().firstValue("ETag").orElse(""));
    // another language is another rendering
    HttpResponse<byte[]> chinese = http11(base + "/report.pdf?lang=zh-CN", null, etag);
    assertEquals(200, chinese.statusCode());
    assertNotEquals(etag, chinese.headers().firstValue("ETag").orElseThrow());

    // the by-Accept URL: the page and the PDF are different representations, different tags
    HttpResponse<byte[]> page = http11(base + "?lang=en", "text/html", null);
    HttpResponse<byte[]> pdf = http11(base + "?lang=en", "application/pdf", null);
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertEquals(etag, pdf.headers().firstValue("ETag").orElseThrow(), "the same PDF");
    String pageTag = page.headers().firstValue("ETag").orElseThrow();
    assertNotEquals(etag, pageTag);
    assertTrue(page.headers().firstValue("Vary").orElse("").contains("Accept"));
    assertEquals(200, http11(base + "?lang=en", "application/pdf", pageTag).statusCode());
    assertEquals(304, http11(base + "?lang=en", "text/html", pageTag).statusCode());
    // the fragment and the bundle too
    HttpResponse<byte[]> fragment = http11(base + "/fragment.html?lang=en", null, null);
    assertEquals(
        304,
        http11(
                base + "/fragment.html?lang=en",
                null,
                fragment.headers().firstValue("ETag").orElseThrow())
            .statusCode());
    HttpResponse<byte[]> zip = http11(base + "/bundle.zip", null, null);
    assertTrue(
        java.util.Arrays.equals(zip.body(), http11(base + "/bundle.zip", null, null).body()));
  }

  /** A GET over HTTP/1.1 (Java's client hangs on a 304 over h2c). */
  private HttpResponse<byte[]> http11(String path, String accept, String ifNoneMatch)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base().resolve(path.substring(1)))
            .timeout(java.time.Duration.ofSeconds(120));
    request.header("Accept", accept == null ? "*/*" : accept);
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void feedsAreAtom() throws Exception {
    ApiClient mgr = manager().client();
    String period = uniquePeriod();
    long id = draftId(mgr, "scoreboard", period);
    mgr.patch("/api/v1/reports/drafts/" + id, "{\"title\":\"Feed me " + period + "\"}");
    assertEquals(200, mgr.post("/api/v1/reports/drafts/" + id + "/publish", "{}").status());

    Element reports = atom("/api/v1/feeds/reports.atom");
    boolean found = false;
    NodeList entries = reports.getElementsByTagNameNS(ATOM, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      Element e = (Element) entries.item(i);
      if (child(e, "title").equals("Feed me " + period)) {
        found = true;
        assertTrue(child(e, "id").startsWith("tag:"));
      }
    }
    assertTrue(found, "the published report is in the feed");
    Element ledger = atom("/api/v1/feeds/ledger.atom");
    assertTrue(ledger.getElementsByTagNameNS(ATOM, "entry").getLength() >= 1);
    atom("/api/v1/feeds/ideas.atom");

    Response feed = any("/api/v1/feeds/reports.atom");
    String etag = feed.header("ETag").orElseThrow();
    assertEquals(304, conditional("/api/v1/feeds/reports.atom", etag));
    assertTrue(feed.header("Last-Modified").isPresent());
  }

  @Test
  void badInputIsAProblemAndWritesNothing() {
    ApiClient mgr = manager().client();
    int before = mgr.get("/api/v1/reports/drafts").json().asJsonArray().size();
    for (String body :
        List.of(
            draftBody("monthly", "2026-W10"),
            draftBody("weekly", "2026-W99"),
            draftBody("scoreboard", "2026-12-01..2026-01-01"),
            draftBody("session", "abc"),
            "{\"kind\":\"weekly\",\"subject\":\"2026-W10\",\"extra\":1}",
            "{\"kind\":\"weekly\"}",
            "not json")) {
      Response r = mgr.post("/api/v1/reports/drafts", body);
      assertEquals(400, r.status(), body + " → " + r);
      assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
    }
    Response missing = mgr.post("/api/v1/reports/drafts", draftBody("session", "999999999"));
    assertEquals(404, missing.status(), missing.toString());
    assertEquals(
        404, mgr.patch("/api/v1/reports/drafts/999999999", "{\"summary\":\"x\"}").status());
    String period = uniquePeriod();
    long id = draftId(mgr, "scoreboard", period);
    Response tooLong =
        mgr.patch("/api/v1/reports/drafts/" + id, "{\"title\":\"" + "x".repeat(201) + "\"}");
    assertEquals(400, tooLong.status(), tooLong.toString());
    Response blank = mgr.patch("/api/v1/reports/drafts/" + id, "{\"title\":\"  \"}");
    assertEquals(400, blank.status(), blank.toString());
    assertFalse(mgr.get("/api/v1/reports/drafts/" + id).object().getString("title").isBlank());
    assertEquals(204, mgr.delete("/api/v1/reports/drafts/" + id).status());
    assertEquals(before, mgr.get("/api/v1/reports/drafts").json().asJsonArray().size());
    assertEquals(400, anonymous().get("/api/v1/reports?limit=0").status());
  }

  @Test
  void onlyCommunityManagersDraftAndPublishButAnyoneReads() {
    String body = draftBody("scoreboard", uniquePeriod());
    assertEquals(401, anonymous().post("/api/v1/reports/drafts", body).status());
    ApiClient member = members().signUp("report-member").client();
    assertEquals(403, member.post("/api/v1/reports/drafts", body).status());
    assertEquals(403, member.get("/api/v1/reports/drafts").status());
    ApiClient admin = members().admin().client();
    Response created = admin.post("/api/v1/reports/drafts", body);
    assertEquals(201, created.status(), created.toString());
    long id = created.object().getJsonNumber("id").longValue();
    assertEquals(403, member.post("/api/v1/reports/drafts/" + id + "/publish", "{}").status());
    assertEquals(403, member.patch("/api/v1/reports/drafts/" + id, "{\"summary\":\"x\"}").status());
    assertEquals(403, member.delete("/api/v1/reports/drafts/" + id).status());
    assertEquals(200, admin.get("/api/v1/reports/drafts/" + id).status());
    assertEquals(200, anonymous().get("/api/v1/reports").status());
    assertEquals(204, admin.delete("/api/v1/reports/drafts/" + id).status());
  }

  // ---- helpers ----

  /**
   * The status of a GET with If-None-Match, over HTTP/1.1: the JDK client's cleartext HTTP/2
   * upgrade never completes a 304 (no body, no END_STREAM it waits for).
   */
  private int conditional(String path, String etag) throws Exception {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(base().resolve(path.substring(1)))
                .header("If-None-Match", etag)
                .timeout(java.time.Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private Response any(String path) {
    return anonymous().send("GET", path, null, Map.of("Accept", "*/*"));
  }

  static String isoWeek(LocalDate day) {
    return String.format(
        "%04d-W%02d",
        day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
        day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private Element atom(String path) throws Exception {
    Response r = any(path);
    assertEquals(200, r.status(), r.toString());
    assertTrue(r.contentType().startsWith("application/atom+xml"), r.contentType());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    Element feed = doc.getDocumentElement();
    assertEquals(ATOM, feed.getNamespaceURI());
    assertEquals("feed", feed.getLocalName());
    // RFC 4287 §4.1.1: id, title, updated; an author (here on the feed); a self link
    assertFalse(child(feed, "id").isBlank());
    assertFalse(child(feed, "title").isBlank());
    java.time.OffsetDateTime.parse(child(feed, "updated"));
    assertEquals(1, directChildren(feed, "author").size());
    NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < entries.getLength(); i++) {
      Element e = (Element) entries.item(i);
      assertTrue(ids.add(child(e, "id")), "entry ids are unique");
      assertFalse(child(e, "title").isBlank());
      java.time.OffsetDateTime.parse(child(e, "updated"));
    }
    return feed;
  }

  private static List<Element> directChildren(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ATOM.equals(e.getNamespaceURI())
          && e.getLocalName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static String child(Element parent, String name) {
    List<Element> c = directChildren(parent, name);
    assertEquals(1, c.size(), "exactly one " + name);
    return c.get(0).getTextContent();
  }

  private byte[] bytes(String path, String type) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base().resolve(path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type));
    return r.body();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  private static String utf8(byte[] b) {
    assertTrue(b != null);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static JsonValue read(String json) {
    try (var r = Json.createReader(new StringReader(json))) {
      return r.readValue();
    }
  }

  private static JsonObject figure(JsonObject document, String id) {
    for (JsonValue f : document.getJsonArray("figures")) {
      if (f.asJsonObject().getString("id").equals(id)) {
        return f.asJsonObject();
      }
    }
    throw new AssertionError("no figure " + id);
  }

  private static JsonObject table(JsonObject document, String id) {
    for (JsonValue t : document.getJsonArray("tables")) {
      if (t.asJsonObject().getString("id").equals(id)) {
        return t.asJsonObject();
      }
    }
    throw new AssertionError("no table " + id);
  }

  /** How a JSON cell reads in the CSV: empty for null, plain decimals, text as is. */
  private static String text(JsonValue v) {
    return switch (v.getValueType()) {
      case NULL -> "";
      case NUMBER -> ((JsonNumber) v).bigDecimalValue().toPlainString();
      case STRING -> ((jakarta.json.JsonString) v).getString();
      default -> v.toString();
    };
  }

  /** An independent RFC 4180 reader. */
  static List<List<String>> parseCsv(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    return rows;
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
