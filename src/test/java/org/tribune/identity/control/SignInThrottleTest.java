package org.tribune.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final SignInThrottle throttle = new SignInThrottle(10, Duration.ofMinutes(15), clock);

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure("ana@example.org");
    }
  }

  @Test
  void nineFailuresStillAllowATry() {
    fail(9);
    assertTrue(throttle.waitBeforeTrying("ana@example.org").isEmpty());
  }

  @Test
  void tenFailuresBlockUntilTheOldestLeavesTheWindow() {
    fail(1);
    clock.advance(Duration.ofMinutes(5));
    fail(9);
    assertEquals(
        Duration.ofMinutes(10), throttle.waitBeforeTrying("ana@example.org").orElseThrow());
    clock.advance(Duration.ofMinutes(10));
    assertTrue(throttle.waitBeforeTrying("ana@example.org").isEmpty());
  }

  @Test
  void otherEmailsAreNotAffected() {
    fail(10);
    assertTrue(throttle.waitBeforeTrying("bo@example.org").isEmpty());
  }

  @Test
  void successClearsTheCount() {
    fail(9);
    throttle.recordSuccess("ana@example.org");
    fail(9);
    assertTrue(throttle.waitBeforeTrying("ana@example.org").isEmpty());
  }
}
