package org.tribune.releases.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A staged rollout on the developer channel, computed from time alone: the percentage steps are
 * spread evenly over the rollout days from the public release (default 1, 2, 5, 10, 20, 50, 100
 * over 7 days: one step a day), and time spent halted does not count, so a resumed rollout goes on
 * from the step where it stopped. Nothing is scheduled, so any number of instances agree on the
 * percentage at any moment.
 *
 * <p>Who is offered the build is decided by a cohort number in 0–9999 derived from the build and
 * the member or device id (SHA-256, first eight bytes, modulo 10000): a subject is offered the
 * build when its cohort is below percentage × 100. The number never changes, so raising the
 * percentage only adds subjects and resuming reaches the same ones as before the halt.
 */
public final class RolloutPlan {

  public static final int COHORTS = 10_000;

  private final int[] steps;
  private final Duration stepLength;

  public RolloutPlan(int[] steps, int days) {
    if (steps.length == 0 || days < 1) {
      throw new IllegalArgumentException("at least one step and one day");
    }
    for (int i = 0; i < steps.length; i++) {
      if (steps[i] < 1 || steps[i] > 100 || (i > 0 && steps[i] <= steps[i - 1])) {
        throw new IllegalArgumentException("steps rise from 1 to 100: " + Arrays.toString(steps));
      }
    }
    this.steps = steps.clone();
    this.stepLength = Duration.ofDays(days).dividedBy(steps.length);
  }

  /** "1,2,5,10" → {1,2,5,10}; throws IllegalArgumentException when malformed. */
  public static int[] parseSteps(String text) {
    try {
      return Arrays.stream(text.split(","))
          .map(String::strip)
          .mapToInt(Integer::parseInt)
          .toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("steps must be comma-separated numbers: " + text);
    }
  }

  public static String formatSteps(int[] steps) {
    return String.join(",", Arrays.stream(steps).mapToObj(Integer::toString).toList());
  }

  /** A halt or a resume. */
  public record Event(boolean halt, Instant at) {}

  /** The rollout at one moment: the percentage it has reached and whether it is halted. */
  public record State(int percent, boolean halted, boolean started) {
    /** What is actually offered: nothing while halted or before the release. */
    public int offeredPercent() {
      return halted || !started ? 0 : percent;
    }
  }

  /** The state at {@code now}; {@code events} in time order. */
  public State at(Instant release, List<Event> events, Instant now) {
    if (now.isBefore(release)) {
      return new State(0, halted(events, now), false);
    }
    Duration halted = Duration.ZERO;
    Instant haltedSince = null;
    for (Event e : events) {
      if (e.at().isAfter(now)) {
        break;
      }
      Instant at = e.at().isBefore(release) ? release : e.at();
      if (e.halt() && haltedSince == null) {
        haltedSince = at;
      } else if (!e.halt() && haltedSince != null) {
        halted = halted.plus(Duration.between(haltedSince, at));
        haltedSince = null;
      }
    }
    Instant until = haltedSince == null ? now : haltedSince;
    Duration running = Duration.between(release, until).minus(halted);
    if (running.isNegative()) {
      running = Duration.ZERO;
    }
    long index = Math.min(steps.length - 1, running.toMillis() / stepLength.toMillis());
    return new State(steps[(int) index], haltedSince != null, true);
  }

  private static boolean halted(List<Event> events, Instant now) {
    boolean halted = false;
    for (Event e : events) {
      if (!e.at().isAfter(now)) {
        halted = e.halt();
      }
    }
    return halted;
  }

  /** The subject's fixed place in the build's rollout order, 0–9999. */
  public static int cohort(long buildId, String subject) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((buildId + ":" + subject).getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (hash[i] & 0xff);
      }
      return (int) Math.floorMod(value, (long) COHORTS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean offers(State state, int cohort) {
    return cohort < state.offeredPercent() * (COHORTS / 100);
  }
}
