package org.tribune.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP client that behaves like the portal (cookie session + CSRF header) or like an integration
 * (bearer token). Responses are plain data for assertions.
 */
public final class ApiClient {

  /**
   * HTTP/2 (with a cleartext upgrade) unless {@code -Dtribune.it.http-version=HTTP_1_1}: the
   * two-instance suite speaks HTTP/1.1, as browsers and the balancer do on plain HTTP, because
   * Liberty 26.0.0.3 mishandles many simultaneous {@code Upgrade: h2c} requests (see
   * docs/operations.md, "Known issues").
   */
  private static final HttpClient.Version VERSION =
      HttpClient.Version.valueOf(System.getProperty("tribune.it.http-version", "HTTP_2"));

  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private String csrfToken;
  private String bearer;

  public ApiClient(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(VERSION)
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A copy that authenticates with a bearer token instead of the cookie. */
  public ApiClient withBearer(String token) {
    ApiClient other = new ApiClient(base);
    other.bearer = token;
    return other;
  }

  public void csrfToken(String token) {
    this.csrfToken = token;
  }

  public String csrfToken() {
    return csrfToken;
  }

  public CookieManager cookies() {
    return cookies;
  }

  public URI base() {
    return base;
  }

  public Response get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Response post(String path, String json) {
    return send("POST", path, json, Map.of());
  }

  public Response put(String path, String json) {
    return send("PUT", path, json, Map.of());
  }

  public Response patch(String path, String json) {
    return send("PATCH", path, json, Map.of());
  }

  public Response delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /**
   * Sends a request. A JSON body is sent as application/json; headers may add or override (e.g. a
   * different Content-Type, or an empty X-CSRF-Token to test its absence).
   */
  public Response send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    boolean unsafe = !method.equals("GET") && !method.equals("HEAD");
    if (unsafe && csrfToken != null && bearer == null) {
      request.header("X-CSRF-Token", csrfToken);
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    headers.forEach(request::setHeader);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response, with the body parsed on demand. */
  public record Response(int status, Map<String, List<String>> headers, String body) {

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    public JsonStructure json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }

    public JsonObject object() {
      return (JsonObject) json();
    }

    /** The problem type slug of an RFC 9457 answer, e.g. "already-voted". */
    public String problemType() {
      if (!contentType().startsWith("application/problem+json")) {
        throw new AssertionError(
            "Not problem+json (" + status + " " + contentType() + "): " + body);
      }
      return object().getString("type").replace("urn:problem-type:tribune:", "");
    }

    @Override
    public String toString() {
      return status + " " + contentType() + " " + body;
    }
  }
}
