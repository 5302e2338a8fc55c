package org.tribune.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.ApiIT;

class PanelsAuditIT extends ApiIT {

  private static final String BOUNDARY = "tribune-audit-boundary";

  private static final String CATEGORIES =
      """
      category,feature,min,max
      gender,male,9,20
      gender,female,9,20
      leaning,conservative,9,20
      leaning,liberal,9,20
      """;

  /** Flanigan et al.'s example, without an id column: ids are row numbers 0..199. */
  private static String respondents() {
    StringBuilder out = new StringBuilder("name,gender,leaning\n");
    for (int i = 0; i < 200; i++) {
      out.append("person ")
          .append(i)
          .append(',')
          .append(i < 100 ? "male" : "female")
          .append(',')
          .append(i < 100 || i == 199 ? "conservative" : "liberal")
          .append('\n');
    }
    return out.toString();
  }

  private static String form(Map<String, String> parts) {
    StringBuilder out = new StringBuilder();
    parts.forEach(
        (name, value) ->
            out.append("--")
                .append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    return out.append("--").append(BOUNDARY).append("--\r\n").toString();
  }

  private ApiClient.Response post(Map<String, String> parts) {
    return anonymous()
        .send(
            "POST",
            "/api/v1/selection/panels",
            form(parts),
            Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY));
  }

  private static Map<String, String> parts(String categories, String size) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("categories", categories);
    parts.put("respondents", respondents());
    parts.put("size", size);
    parts.put("seed", "panel-audit");
    return parts;
  }

  @Test
  void anyoneCanDrawALeximinPanelAndSeeEveryProbability() {
    ApiClient.Response response = post(parts(CATEGORIES, "20"));

    assertEquals(200, response.status(), response.toString());
    JsonObject body = response.object();
    assertEquals("leximin", body.getString("method"));
    assertEquals("panel-audit", body.getString("seed"));
    assertEquals(0.1, body.getJsonNumber("minimum").doubleValue(), 1e-6);
    JsonObject probabilities = body.getJsonObject("probabilities");
    assertEquals(200, probabilities.size());
    assertEquals(0.1, probabilities.getJsonNumber("199").doubleValue(), 1e-6);
    assertEquals(20, body.getJsonArray("panel").size());
    double total =
        body.getJsonArray("panels").stream()
            .mapToDouble(p -> ((JsonNumber) p.asJsonObject().get("probability")).doubleValue())
            .sum();
    assertEquals(1.0, total, 1e-9);
  }

  @Test
  void theLegacyBaselineEstimatesItsProbabilitiesFromRepeatedRuns() {
    Map<String, String> parts = parts(CATEGORIES, "20");
    parts.put("method", "legacy");
    ApiClient.Response response = post(parts);

    assertEquals(200, response.status(), response.toString());
    JsonObject body = response.object();
    assertEquals("legacy", body.getString("method"));
    assertEquals(2000, body.getInt("runs"));
    assertTrue(body.getJsonObject("probabilities").getJsonNumber("199").doubleValue() < 0.05);
  }

  @Test
  void infeasibleQuotasAreA422NamingTheQuota() {
    ApiClient.Response response =
        post(parts(CATEGORIES.replace("gender,female,9,20", "gender,female,150,160"), "20"));

    assertEquals(422, response.status(), response.toString());
    assertEquals("sortition-infeasible", response.problemType());
    assertEquals("gender", response.object().getString("category"));
    assertEquals("female", response.object().getString("feature"));
  }

  @Test
  void aBadCategoriesFileIsA400WithItsLine() {
    ApiClient.Response response =
        post(parts(CATEGORIES.replace("leaning,liberal,9,20", "leaning,liberal,nine,20"), "20"));

    assertEquals(400, response.status(), response.toString());
    assertEquals("invalid-input", response.problemType());
    assertTrue(response.object().getString("detail").contains("line 5"), response.body());
  }

  @Test
  void aMissingPartIsA400NamingIt() {
    Map<String, String> parts = parts(CATEGORIES, "20");
    parts.remove("seed");
    ApiClient.Response response = post(parts);
    assertEquals(400, response.status(), response.toString());
    assertTrue(response.body().contains("seed"), response.body());
  }
}
