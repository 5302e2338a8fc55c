package org.tribune.releases.control;

import org.tribune.identity.entity.MemberId;

/** What can happen to testers' verdicts; each is written by {@link VerdictStore}. */
public sealed interface VerdictCommand {

  /** A tester's verdict on a build (a second one replaces the first). */
  record Give(
      MemberId tester, long buildId, boolean good, String severity, String evidence, String logRef)
      implements VerdictCommand {}

  /** An engineer confirms a tester's P0 report. */
  record Confirm(long buildId, MemberId tester, MemberId engineer) implements VerdictCommand {}
}
