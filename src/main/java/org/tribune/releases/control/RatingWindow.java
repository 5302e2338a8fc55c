package org.tribune.releases.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may rate a build when (DESIGN.md §2): only a member who reported installing it; only after a
 * minimum time on the build (default 24 h), so a rating reflects use rather than a first
 * impression; within the primary window (default 7 days from the public release) a rating counts
 * and may be changed; later a first rating is still taken but marked late and not scored, and a
 * rating can no longer be changed.
 */
public final class RatingWindow {

  private final Duration minimumOnBuild;
  private final Duration window;

  public RatingWindow(Duration minimumOnBuild, Duration window) {
    this.minimumOnBuild = minimumOnBuild;
    this.window = window;
  }

  public sealed interface Decision {}

  public record Allowed(boolean late) implements Decision {}

  public record NotInstalled() implements Decision {}

  public record TooEarly(Instant eligibleAt) implements Decision {}

  public record WindowClosed(Instant closedAt) implements Decision {}

  /**
   * @param installedAt null when the member reported no install
   * @param alreadyRated whether the member has a rating on this build
   */
  public Decision decide(Instant installedAt, Instant release, boolean alreadyRated, Instant now) {
    if (installedAt == null) {
      return new NotInstalled();
    }
    Instant eligibleAt = installedAt.plus(minimumOnBuild);
    if (now.isBefore(eligibleAt)) {
      return new TooEarly(eligibleAt);
    }
    Instant closes = closesAt(release);
    boolean late = !now.isBefore(closes);
    if (late && alreadyRated) {
      return new WindowClosed(closes);
    }
    return new Allowed(late);
  }

  public Instant closesAt(Instant release) {
    return release.plus(window);
  }

  public Duration minimumOnBuild() {
    return minimumOnBuild;
  }
}
