package org.tribune.identity.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.tribune.identity.entity.MemberId;

/**
 * Resolved credentials, keyed by the SHA-256 of the secret, kept for a short TTL so that a busy
 * endpoint (the vote ingest at thousands of requests a second) does not read the database for every
 * request.
 *
 * <p>The TTL is the staleness bound across instances: a revoked token, an ended session or a role
 * change made on another instance takes effect here within one TTL. On this instance the change
 * evicts at once. Unknown secrets are cached too (as empty), so that a client retrying a bad token
 * cannot turn every request into a query.
 *
 * <p>A miss is loaded inside {@link ConcurrentHashMap#compute}, so a hot key that expires is
 * reloaded by one thread while the others wait, not by all of them at once.
 */
public final class CallerCache {

  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private record Entry(Optional<Caller> caller, Instant expiresAt) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;

  public CallerCache(Duration ttl, int maxEntries, Clock clock) {
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** The caller for this secret hash: cached if fresh, otherwise loaded and cached. */
  public Optional<Caller> get(String hash, Function<String, Optional<Caller>> load) {
    Instant now = clock.instant();
    Entry entry = entries.get(hash);
    if (entry == null || !now.isBefore(entry.expiresAt())) {
      if (entries.size() >= maxEntries) {
        shrink(now);
      }
      entry =
          entries.compute(
              hash,
              (key, old) ->
                  old != null && now.isBefore(old.expiresAt())
                      ? old
                      : new Entry(load.apply(key), now.plus(ttl)));
    }
    return entry.caller().filter(c -> !c.expiredAt(now));
  }

  public void evict(String hash) {
    entries.remove(hash);
  }

  /** After a role change or sign-out everywhere: forget every credential of the member. */
  public void evictMember(MemberId member) {
    entries.values().removeIf(e -> e.caller().map(c -> c.member().equals(member)).orElse(false));
  }

  public int size() {
    return entries.size();
  }

  private void shrink(Instant now) {
    entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
    if (entries.size() >= maxEntries) {
      // Still full of live entries (a flood of distinct secrets): start over rather than grow.
      entries.clear();
    }
  }
}
