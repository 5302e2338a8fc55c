package org.tribune.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.MemoryDatabase;

/** Job leases on a real (embedded Derby) database, with instances played by holders. */
class JobLeaseTest {

  private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

  private MemoryDatabase db;
  private HandClock clock;
  private JobLease a;
  private JobLease b;

  @BeforeEach
  void setUp() {
    db = new MemoryDatabase();
    clock = new HandClock(START);
    a = new JobLease(db.dataSource(), "instance-a", clock);
    b = new JobLease(db.dataSource(), "instance-b", clock);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void theFirstClaimWinsAndHoldsUntilItsEnd() {
    assertTrue(a.claimFor("reports.weekly", Duration.ofMinutes(10)));
    assertFalse(b.claimFor("reports.weekly", Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(9));
    assertFalse(b.claimFor("reports.weekly", Duration.ofMinutes(10)));
    assertEquals("instance-a", a.current("reports.weekly").orElseThrow().holder());
    clock.advance(Duration.ofMinutes(1));
    assertTrue(b.claimFor("reports.weekly", Duration.ofMinutes(10)));
    assertEquals("instance-b", a.current("reports.weekly").orElseThrow().holder());
  }

  @Test
  void aHolderDoesNotClaimTwiceInOnePeriod() {
    assertTrue(a.claimFor("overdue", Duration.ofMinutes(5)));
    assertFalse(a.claimFor("overdue", Duration.ofMinutes(5)));
  }

  @Test
  void jobsAreIndependent() {
    assertTrue(a.claimFor("one", Duration.ofMinutes(5)));
    assertTrue(b.claimFor("two", Duration.ofMinutes(5)));
  }

  @Test
  void releaseLetsAnotherInstanceClaimAtOnce() {
    assertTrue(a.claimFor("job", Duration.ofHours(1)));
    assertFalse(b.release("job"), "only the holder releases");
    assertFalse(b.claimFor("job", Duration.ofHours(1)));
    assertTrue(a.release("job"));
    assertTrue(b.claimFor("job", Duration.ofHours(1)));
  }

  @Test
  void renewKeepsAClaimAliveOnlyForItsHolder() {
    assertTrue(a.claimFor("long", Duration.ofMinutes(1)));
    clock.advance(Duration.ofSeconds(50));
    assertTrue(a.renew("long", clock.instant().plus(Duration.ofMinutes(1))));
    assertFalse(b.renew("long", clock.instant().plus(Duration.ofMinutes(1))));
    clock.advance(Duration.ofSeconds(50));
    assertFalse(b.claimFor("long", Duration.ofMinutes(1)));
    clock.advance(Duration.ofMinutes(1));
    assertFalse(a.renew("long", clock.instant().plus(Duration.ofMinutes(1))), "lapsed");
    assertTrue(b.claimFor("long", Duration.ofMinutes(1)));
  }

  @Test
  void claimsMustEndInTheFutureAndNamesAreBounded() {
    assertThrows(IllegalArgumentException.class, () -> a.claim("job", START));
    assertThrows(IllegalArgumentException.class, () -> a.claimFor("x".repeat(101), Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new JobLease(db.dataSource(), " ", clock));
  }

  @Test
  void ofManyInstancesClaimingAtOnceExactlyOneWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      String job = "race-" + round;
      int holders = 8;
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(holders);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
          JobLease lease = new JobLease(db.dataSource(), "instance-" + i, clock);
          Callable<Boolean> claim =
              () -> {
                go.await();
                return lease.claimFor(job, Duration.ofMinutes(1));
              };
          results.add(pool.submit(claim));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
          won += result.get() ? 1 : 0;
        }
        assertEquals(1, won, "round " + round);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** A clock the test moves by hand; readable from several threads. */
  static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
