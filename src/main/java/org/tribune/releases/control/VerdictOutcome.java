package org.tribune.releases.control;

import java.time.Instant;

/** The answer to one {@link VerdictCommand}. */
public sealed interface VerdictOutcome {

  record Recorded(long buildId, boolean good, boolean changed, Tally tally)
      implements VerdictOutcome {}

  record Confirmed(long buildId, long tester, Tally tally) implements VerdictOutcome {}

  record NoSuchBuild(long buildId) implements VerdictOutcome {}

  record NotTester(long buildId) implements VerdictOutcome {}

  record NotInstalled(long buildId) implements VerdictOutcome {}

  record TooEarly(long buildId, Instant eligibleAt) implements VerdictOutcome {}

  record NoSuchVerdict(long buildId, long tester) implements VerdictOutcome {}

  record NotP0(long buildId, long tester) implements VerdictOutcome {}

  /** A build's verdicts: good, bad, and testers with an engineer-confirmed P0 report. */
  record Tally(long good, long bad, long confirmedP0) {}
}
