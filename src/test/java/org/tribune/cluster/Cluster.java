package org.tribune.cluster;

import java.net.HttpCookie;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.Members;

/**
 * The two-instance set-up that ci/multi-instance.sh starts: instances A and B of the packaged
 * server on one PostgreSQL, and nginx balancing round robin over both (no sticky sessions). The
 * script passes the addresses as system properties.
 */
final class Cluster {

  static final URI A = uri("tribune.cluster.a", "http://127.0.0.1:9681/");
  static final URI B = uri("tribune.cluster.b", "http://127.0.0.1:9682/");
  static final URI BALANCER = uri("tribune.cluster.lb", "http://127.0.0.1:9683/");

  /** The balancer names the instance that answered in this response header. */
  static final String UPSTREAM_HEADER = "X-Tribune-Upstream";

  /**
   * How long a change made on one instance may take to reach the other through cluster events.
   * Shorter than the caller cache's 30-second TTL, so a pass shows the event arrived, not that the
   * cache expired.
   */
  static final Duration EVENT_DEADLINE = Duration.ofSeconds(20);

  private Cluster() {}

  static Members members(URI instance) {
    return new Members(instance);
  }

  /** The same browser (cookie and CSRF token) talking to another instance. */
  static ApiClient sameBrowserOn(URI instance, ApiClient client) {
    ApiClient other = new ApiClient(instance);
    for (HttpCookie cookie : client.cookies().getCookieStore().getCookies()) {
      other.cookies().getCookieStore().add(instance, cookie);
    }
    other.csrfToken(client.csrfToken());
    return other;
  }

  /** Polls until the condition holds or the deadline passes; true if it held. */
  static boolean within(Duration deadline, BooleanSupplier condition) {
    Instant end = Instant.now().plus(deadline);
    while (Instant.now().isBefore(end)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  private static URI uri(String property, String fallback) {
    String value = System.getProperty(property, fallback);
    return URI.create(value.endsWith("/") ? value : value + "/");
  }
}
