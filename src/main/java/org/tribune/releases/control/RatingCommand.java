package org.tribune.releases.control;

import java.time.LocalDate;
import org.tribune.identity.entity.MemberId;

/** What can happen to build ratings; each is written by {@link RatingStore} in the ingest. */
public sealed interface RatingCommand {

  /** A new rating, or a change of the member's rating within the window. */
  record Rate(MemberId member, long buildId, int stars, String comment, String tags)
      implements RatingCommand {}

  /** A reviewed day: its ratings leave the score (excluded) or come back. */
  record ExcludeDay(long buildId, LocalDate day, boolean excluded) implements RatingCommand {}
}
