package org.tribune.qa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.qa.QaWorld.ok;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;
import org.tribune.testsupport.Members.SignedIn;

/**
 * Files attached to an inquiry: uploaded to a draft as multipart/form-data, refused with a problem
 * and nothing stored when too large or of the wrong type, served with their type, name and digest,
 * scoped like the inquiry, and fixed in the ledger when it is submitted.
 */
class QaAttachmentIT extends ApiIT {

  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xff
  };

  @Test
  void aDelegateAttachesAFileToADraftThatIsServedAsFiledAndSealedBySubmission() throws Exception {
    QaWorld world = new QaWorld(members(), "held");
    long id = draft(world, "Screenshot " + world.tag);
    String path = "/api/v1/qa/inquiries/" + id + "/attachments";

    HttpResponse<byte[]> uploaded = upload(world.delegate, path, "电池 shot.png", "image/png", PNG);
    assertEquals(201, uploaded.statusCode(), new String(uploaded.body(), StandardCharsets.UTF_8));
    JsonObject file = json(uploaded);
    assertEquals("电池 shot.png", file.getString("fileName"));
    assertEquals("image/png", file.getString("contentType"));
    assertEquals(PNG.length, file.getInt("size"));
    assertEquals(sha256(PNG), file.getString("sha256"));
    long fileId = file.getJsonNumber("id").longValue();
    String download = path + "/" + fileId;

    assertEquals(404, get(null, download).statusCode(), "a draft's file is its author's only");
    assertEquals(404, get(world.manager, download).statusCode());
    HttpResponse<byte[]> mine = get(world.delegate, download);
    assertEquals(200, mine.statusCode());
    assertArrayEquals(PNG, mine.body());
    assertEquals("image/png", mine.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "attachment; filename=\"__ shot.png\"; filename*=UTF-8''%E7%94%B5%E6%B1%A0%20shot.png",
        mine.headers().firstValue("Content-Disposition").orElseThrow());
    assertEquals("nosniff", mine.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertTrue(mine.headers().firstValue("Cache-Control").orElseThrow().contains("no-store"));
    assertEquals(
        "sha-256=:"
            + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(PNG))
            + ":",
        mine.headers().firstValue("Repr-Digest").orElseThrow());

    JsonObject submitted =
        ok(world.delegate.client().post("/api/v1/qa/inquiries/" + id + "/submission", null), 200);
    JsonArray attachments = submitted.getJsonArray("attachments");
    assertEquals(1, attachments.size());
    assertEquals(sha256(PNG), attachments.getJsonObject(0).getString("sha256"));

    HttpResponse<byte[]> pub = get(null, download);
    assertEquals(200, pub.statusCode(), "public with its inquiry");
    assertArrayEquals(PNG, pub.body());
    assertTrue(pub.headers().firstValue("Cache-Control").orElseThrow().startsWith("public"));

    long leaf =
        submitted.getJsonArray("history").getJsonObject(0).getJsonNumber("ledgerIndex").longValue();
    JsonObject entry =
        anonymous()
            .get("/api/v1/ledger/entries?start=" + leaf + "&end=" + (leaf + 1))
            .object()
            .getJsonArray("entries")
            .getJsonObject(0)
            .getJsonObject("entry");
    assertEquals("inquiry.submitted", entry.getString("type"));
    JsonObject sealed = entry.getJsonArray("attachments").getJsonObject(0);
    assertEquals(sha256(PNG), sealed.getString("sha256"));
    assertEquals("电池 shot.png", sealed.getString("name"));

    HttpResponse<byte[]> late = upload(world.delegate, path, "late.png", "image/png", PNG);
    assertEquals(409, late.statusCode(), "a submitted inquiry's files are fixed");
    assertEquals(
        409,
        send(world.delegate, "DELETE", download, null, null).statusCode(),
        "nor can one be removed");
  }

  @Test
  void badFilesAreRefusedWithAProblemAndNothingIsStored() throws Exception {
    QaWorld world = new QaWorld(members(), "held");
    long id = draft(world, "Bad files " + world.tag);
    String path = "/api/v1/qa/inquiries/" + id + "/attachments";

    assertProblem(
        upload(world.delegate, path, "page.html", "text/html", "<script>x</script>".getBytes()),
        422,
        "attachment-type-refused");
    assertProblem(
        upload(world.delegate, path, "fake.png", "image/png", "%PDF-1.7".getBytes()),
        422,
        "attachment-type-refused");
    byte[] tooBig = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(PNG, 0, tooBig, 0, PNG.length);
    assertProblem(
        upload(world.delegate, path, "big.png", "image/png", tooBig), 413, "attachment-too-large");
    byte[] hugeBody = new byte[7 * 1024 * 1024];
    System.arraycopy(PNG, 0, hugeBody, 0, PNG.length);
    assertProblem(
        upload(world.delegate, path, "huge.png", "image/png", hugeBody), 413, "body-too-large");
    assertProblem(upload(world.delegate, path, "", "image/png", PNG), 400, "invalid-input");
    assertEquals(
        415,
        world.delegate.client().post(path, "{\"file\":\"x\"}").status(),
        "JSON is not an upload");

    SignedIn other = members().withRoles("other", "delegate");
    assertEquals(404, upload(other, path, "mine.png", "image/png", PNG).statusCode());
    assertEquals(401, upload(null, path, "anon.png", "image/png", PNG).statusCode());

    JsonObject inquiry = ok(world.delegate.client().get("/api/v1/qa/inquiries/" + id), 200);
    assertEquals(0, inquiry.getJsonArray("attachments").size(), "nothing was stored");

    JsonObject kept =
        json(upload(world.delegate, path, "notes.txt", "text/plain", "ok".getBytes()));
    String one = path + "/" + kept.getJsonNumber("id").longValue();
    assertEquals(204, send(world.delegate, "DELETE", one, null, null).statusCode());
    assertEquals(404, get(world.delegate, one).statusCode());
  }

  private static void assertProblem(HttpResponse<byte[]> response, int status, String type) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertEquals(status, response.statusCode(), body);
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        body);
    assertEquals(
        "urn:problem-type:tribune:" + type,
        Json.createReader(new StringReader(body)).readObject().getString("type"));
  }

  private static long draft(QaWorld world, String heading) {
    return ok(
            world.delegate.client().post("/api/v1/qa/inquiries", world.inquiry(heading, false)),
            201)
        .getJsonNumber("id")
        .longValue();
  }

  private HttpResponse<byte[]> upload(
      SignedIn who, String path, String fileName, String type, byte[] content) throws Exception {
    String boundary = "----tribune" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(who, "POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
  }

  private HttpResponse<byte[]> get(SignedIn who, String path) throws Exception {
    return send(who, "GET", path, null, null);
  }

  private HttpResponse<byte[]> send(
      SignedIn who, String method, String path, byte[] body, String contentType) throws Exception {
    ApiClient client = who == null ? anonymous() : who.client();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(client.base().resolve(path.substring(1)))
            .timeout(Duration.ofSeconds(120))
            .header("Accept", "*/*")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (who != null && client.csrfToken() != null && !method.equals("GET")) {
      request.header("X-CSRF-Token", client.csrfToken());
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(client.cookies())
            .build();
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonObject json(HttpResponse<byte[]> response) {
    return Json.createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))
        .readObject();
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
