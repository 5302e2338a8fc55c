package org.tribune.identity.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when an API token's "last used" time is worth writing: at most once per {@code interval}
 * per token, so an integration calling many times a second costs one UPDATE an hour, not one per
 * request. Exactly one of several concurrent requests wins the claim.
 */
public final class LastUsedStamp {

  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  private final ConcurrentHashMap<Long, Instant> written = new ConcurrentHashMap<>();
  private final Duration interval;
  private final Clock clock;

  public LastUsedStamp(Duration interval, Clock clock) {
    this.interval = interval;
    this.clock = clock;
  }

  /**
   * Whether this request should write the time now.
   *
   * @param lastKnown the last-used time read from the database with the token (null if never)
   */
  public boolean claim(long tokenId, Instant lastKnown) {
    Instant now = clock.instant();
    Instant seen = written.get(tokenId);
    if (seen != null && now.isBefore(seen.plus(interval))) {
      // The common case on a busy token: a plain read, no lock.
      return false;
    }
    Instant[] claimed = new Instant[1];
    written.compute(
        tokenId,
        (id, previous) -> {
          Instant last = latest(previous, lastKnown);
          if (last == null || !now.isBefore(last.plus(interval))) {
            claimed[0] = now;
            return now;
          }
          return last;
        });
    return claimed[0] != null;
  }

  /** Records a last-used time read from the database (written by any instance), if later. */
  public void remember(long tokenId, Instant lastKnown) {
    if (lastKnown != null) {
      written.merge(tokenId, lastKnown, LastUsedStamp::latest);
    }
  }

  public void forget(long tokenId) {
    written.remove(tokenId);
  }

  public Instant now() {
    return clock.instant();
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
