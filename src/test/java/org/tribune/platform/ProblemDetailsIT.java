package org.tribune.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;

class ProblemDetailsIT extends ApiIT {

  @Test
  void unknownApiPathIsAProblemNotAnHtmlPage() {
    ApiClient.Response response = anonymous().get("/api/v1/no-such-thing");
    assertEquals(404, response.status());
    assertEquals("not-found", response.problemType());
    assertEquals(404, response.object().getInt("status"));
  }

  @Test
  void wrongMethodIsAProblem() {
    ApiClient.Response response = anonymous().send("DELETE", "/api/v1/ping", null, Map.of());
    assertEquals(405, response.status());
    assertEquals("method-not-allowed", response.problemType());
  }

  @Test
  void oversizeBodyIsRefusedBeforeAnythingReadsIt() {
    String big = "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}";
    ApiClient.Response response = anonymous().post("/api/v1/ping", big);
    assertEquals(413, response.status());
    assertEquals("body-too-large", response.problemType());
  }

  @Test
  void healthAndOpenApiAreServed() {
    ApiClient client = anonymous();
    ApiClient.Response health = client.get("/health");
    assertEquals(200, health.status());
    assertEquals("UP", health.object().getString("status"));
    ApiClient.Response openapi = client.get("/openapi");
    assertEquals(200, openapi.status());
    assertTrue(openapi.body().contains("Tribune API"));
  }
}
