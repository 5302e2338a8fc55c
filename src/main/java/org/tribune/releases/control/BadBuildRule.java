package org.tribune.releases.control;

/**
 * When trusted testers' verdicts make a build bad on its device (DESIGN.md §2):
 *
 * <ul>
 *   <li>after the verdict window, at least {@code minimumBad} bad verdicts and more bad than good;
 *   <li>at any time (the fast track), {@code fastTrackReports} P0 reports (boot loop, data loss, no
 *       calls, no charging) from different testers, each confirmed by an engineer.
 * </ul>
 *
 * Before the window closes the rule waits, so three early bad verdicts do not beat the good ones
 * still coming. A company override is not the rule's business: the {@code Build} keeps it and the
 * rule is no longer asked.
 */
public final class BadBuildRule {

  private final int minimumBad;
  private final int fastTrackReports;

  public BadBuildRule(int minimumBad, int fastTrackReports) {
    if (minimumBad < 1 || fastTrackReports < 1) {
      throw new IllegalArgumentException("thresholds must be positive");
    }
    this.minimumBad = minimumBad;
    this.fastTrackReports = fastTrackReports;
  }

  /** What the rule says now. */
  public sealed interface Judgement {}

  /** The verdict window is still open and nothing forces a decision. */
  public record Waiting(long good, long bad) implements Judgement {}

  public record Passed(long good, long bad) implements Judgement {}

  public record Bad(String reason, boolean fastTrack) implements Judgement {}

  public Judgement judge(long good, long bad, long confirmedP0Testers, boolean windowClosed) {
    if (confirmedP0Testers >= fastTrackReports) {
      return new Bad(
          confirmedP0Testers
              + " independent P0 reports confirmed by an engineer (fast track, "
              + fastTrackReports
              + " needed)",
          true);
    }
    if (!windowClosed) {
      return new Waiting(good, bad);
    }
    if (bad >= minimumBad && bad > good) {
      return new Bad(
          bad
              + " bad and "
              + good
              + " good verdicts after the verdict window (at least "
              + minimumBad
              + " bad and more bad than good)",
          false);
    }
    return new Passed(good, bad);
  }

  public int minimumBad() {
    return minimumBad;
  }

  public int fastTrackReports() {
    return fastTrackReports;
  }
}
