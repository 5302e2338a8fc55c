package org.tribune.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.MemberId;

class CallerCacheTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final CallerCache cache = new CallerCache(Duration.ofSeconds(30), 1000, clock);
  private final AtomicInteger loads = new AtomicInteger();

  private Function<String, Optional<Caller>> loader(Caller c) {
    return key -> {
      loads.incrementAndGet();
      return Optional.ofNullable(c);
    };
  }

  private static Caller token(long member) {
    return new Caller(new MemberId(member), Set.of("member"), null, 1L, null);
  }

  @Test
  void secondLookupWithinTheTtlDoesNotLoad() {
    cache.get("h", loader(token(1)));
    cache.get("h", loader(token(1)));
    assertEquals(1, loads.get());
  }

  @Test
  void lookupAfterTheTtlLoadsAgain() {
    cache.get("h", loader(token(1)));
    clock.advance(Duration.ofSeconds(30));
    cache.get("h", loader(token(1)));
    assertEquals(2, loads.get());
  }

  @Test
  void unknownSecretsAreCachedToo() {
    assertTrue(cache.get("bad", loader(null)).isEmpty());
    assertTrue(cache.get("bad", loader(null)).isEmpty());
    assertEquals(1, loads.get());
  }

  @Test
  void evictionMakesRevocationImmediateOnThisInstance() {
    cache.get("h", loader(token(1)));
    cache.evict("h");
    assertTrue(cache.get("h", loader(null)).isEmpty());
  }

  @Test
  void evictingAMemberForgetsAllTheirCredentialsOnly() {
    cache.get("a", loader(token(1)));
    cache.get("b", loader(token(1)));
    cache.get("c", loader(token(2)));
    cache.evictMember(new MemberId(1));
    assertEquals(1, cache.size());
  }

  @Test
  void aSessionThatEndsWithinTheTtlStopsWorkingAtOnce() {
    Caller session =
        new Caller(
            new MemberId(1), Set.of("member"), "csrf", null, clock.instant().plusSeconds(10));
    assertTrue(cache.get("s", loader(session)).isPresent());
    clock.advance(Duration.ofSeconds(10));
    assertTrue(cache.get("s", loader(session)).isEmpty());
  }

  @Test
  void aFullCacheDropsExpiredEntriesBeforeGrowing() {
    CallerCache small = new CallerCache(Duration.ofSeconds(30), 2, clock);
    small.get("a", loader(token(1)));
    small.get("b", loader(token(1)));
    clock.advance(Duration.ofSeconds(31));
    small.get("c", loader(token(1)));
    assertEquals(1, small.size());
  }
}
