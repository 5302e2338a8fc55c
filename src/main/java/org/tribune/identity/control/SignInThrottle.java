package org.tribune.identity.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing against one account: after {@code maxFailures} failed sign-ins for
 * an email within {@code window}, further attempts are refused until the oldest failure leaves the
 * window. Keyed by the normalised email whether or not an account exists, so the throttle itself
 * does not reveal which emails are registered.
 *
 * <p>The count is per instance: with N instances behind a balancer an attacker gets up to N times
 * the budget. That still turns an online attack from millions of guesses into a handful.
 */
public final class SignInThrottle {

  public static final int DEFAULT_MAX_FAILURES = 10;
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
  private static final int MAX_TRACKED_EMAILS = 100_000;

  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final int maxFailures;
  private final Duration window;
  private final Clock clock;

  public SignInThrottle(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** How long the caller must wait before trying this email again; empty when they may try. */
  public Optional<Duration> waitBeforeTrying(String email) {
    Instant now = clock.instant();
    Deque<Instant> recent = failures.get(email);
    if (recent == null) {
      return Optional.empty();
    }
    synchronized (recent) {
      prune(recent, now);
      if (recent.size() < maxFailures) {
        return Optional.empty();
      }
      Duration wait = Duration.between(now, recent.peekFirst().plus(window));
      return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }
  }

  public void recordFailure(String email) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_TRACKED_EMAILS) {
      failures.values().removeIf(d -> isStale(d, now));
    }
    Deque<Instant> recent = failures.computeIfAbsent(email, e -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent, now);
      recent.addLast(now);
    }
  }

  public void recordSuccess(String email) {
    failures.remove(email);
  }

  private boolean isStale(Deque<Instant> recent, Instant now) {
    synchronized (recent) {
      prune(recent, now);
      return recent.isEmpty();
    }
  }

  private void prune(Deque<Instant> recent, Instant now) {
    Instant cutoff = now.minus(window);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
      recent.removeFirst();
    }
  }
}
