package org.tribune.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates members through the public API, as a person would. The admin comes from the test server's
 * configuration (src/test/liberty/arquillian-overlay.xml).
 */
public final class Members {

  public static final String ADMIN_EMAIL = "admin@tribune.test";
  public static final String ADMIN_PASSWORD = "it-admin-password-1";
  public static final String PASSWORD = "correct horse battery";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final URI base;

  public Members(URI base) {
    this.base = base;
  }

  /** A unique email for this run. */
  public static String uniqueEmail(String prefix) {
    return prefix
        + "-"
        + UUID.randomUUID().toString().substring(0, 8)
        + "-"
        + SEQUENCE.incrementAndGet()
        + "@example.test";
  }

  /** Signs up a new member and returns a client signed in as them (cookie + CSRF token). */
  public SignedIn signUp(String prefix) {
    String email = uniqueEmail(prefix);
    ApiClient client = new ApiClient(base);
    String body =
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", PASSWORD)
            .add("displayName", prefix + " " + SEQUENCE.get())
            .add("locale", "en")
            .add("memberType", "enthusiast")
            .add("deviceLine", "Redmi")
            .add("region", "EU")
            .build()
            .toString();
    ApiClient.Response response = client.post("/api/v1/members", body);
    if (response.status() != 201) {
      throw new AssertionError("Sign-up failed: " + response);
    }
    return signedIn(client, response.object(), email);
  }

  /** Signs in with email and password. */
  public SignedIn signIn(String email, String password) {
    ApiClient client = new ApiClient(base);
    ApiClient.Response response =
        client.post(
            "/api/v1/session",
            Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build()
                .toString());
    if (response.status() != 200) {
      throw new AssertionError("Sign-in failed: " + response);
    }
    return signedIn(client, response.object(), email);
  }

  public SignedIn admin() {
    return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  /** Signs up a member and has the admin grant them the given roles (plus member). */
  public SignedIn withRoles(String prefix, String... roles) {
    SignedIn member = signUp(prefix);
    var list = Json.createArrayBuilder().add("member");
    Arrays.stream(roles).forEach(list::add);
    ApiClient.Response granted =
        admin()
            .client()
            .put(
                "/api/v1/members/" + member.id() + "/roles",
                Json.createObjectBuilder().add("roles", list).build().toString());
    if (granted.status() != 200) {
      throw new AssertionError("Role grant failed: " + granted);
    }
    // Sign in again so the session carries the new roles.
    return signIn(member.email(), PASSWORD);
  }

  private static SignedIn signedIn(ApiClient client, JsonObject body, String email) {
    client.csrfToken(body.getString("csrfToken"));
    JsonObject member = body.getJsonObject("member");
    return new SignedIn(member.getJsonNumber("id").longValue(), email, client);
  }

  /** A signed-in member and their portal-like client. */
  public record SignedIn(long id, String email, ApiClient client) {}
}
