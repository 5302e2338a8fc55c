package org.tribune.voting.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The weekly vote budget: a member may cast {@code limit} votes per ISO week (Monday 00:00 UTC to
 * the next Monday). A vote is charged to the week it was cast in; withdrawing it, or its idea
 * closing, gives it back to that week. So the votes a member has left this week are the limit minus
 * the votes charged to this week that are still standing and not refunded.
 */
public record VoteBudgetPolicy(int limit) {

  public VoteBudgetPolicy {
    if (limit < 1) {
      throw new IllegalArgumentException("A weekly budget must allow at least one vote");
    }
  }

  /** The Monday (UTC) of the week the instant falls in: the week that pays for a vote then. */
  public static LocalDate weekOf(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** When the week that contains {@code at} ends and a fresh budget starts. */
  public static Instant resetsAfter(Instant at) {
    return weekOf(at).plusWeeks(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  public boolean allowsAnother(int usedThisWeek) {
    return usedThisWeek < limit;
  }

  public int remaining(int usedThisWeek) {
    return Math.max(0, limit - usedThisWeek);
  }
}
