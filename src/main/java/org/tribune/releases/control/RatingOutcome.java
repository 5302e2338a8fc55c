package org.tribune.releases.control;

import java.time.Instant;
import java.time.LocalDate;

/** The answer to one {@link RatingCommand}. */
public sealed interface RatingOutcome {

  record Rated(long buildId, int stars, boolean late, boolean changed, StarDistribution score)
      implements RatingOutcome {}

  record NoSuchBuild(long buildId) implements RatingOutcome {}

  record NotInstalled(long buildId) implements RatingOutcome {}

  record TooEarly(long buildId, Instant eligibleAt) implements RatingOutcome {}

  record WindowClosed(long buildId, Instant closedAt) implements RatingOutcome {}

  record DayExcluded(long buildId, LocalDate day, boolean excluded, long ratings)
      implements RatingOutcome {}
}
