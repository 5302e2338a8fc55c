package org.tribune.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.platform.boundary.ClusterEvents;
import org.tribune.platform.boundary.ClusterJobs;
import org.tribune.platform.control.JobLease;
import org.tribune.testsupport.TribuneDeployment;

/**
 * Inside the server, on its real database: cluster events go out and come back through the database
 * (LISTEN/NOTIFY when the tests run on PostgreSQL) only after a commit, and job claims made at the
 * same moment by several holders have one winner. The two-instance suite (ci/multi-instance.sh)
 * checks the same across instances.
 */
@ExtendWith(ArquillianExtension.class)
class ClusterPlatformIT {

  @Inject ClusterEvents events;
  @Inject ClusterJobs jobs;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Resource(lookup = "java:comp/UserTransaction")
  UserTransaction transaction;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Deployment
  static WebArchive deployment() {
    return TribuneDeployment.war().addClass(ClusterPlatformIT.class);
  }

  @Test
  void anEventReachesTheSubscribersOnlyAfterItsTransactionCommits() throws Exception {
    String topic = "it.events-" + UUID.randomUUID().toString().substring(0, 8);
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    events.subscribe(topic, received::add);
    awaitListening();

    events.publish(topic, "plain");
    assertEquals("plain", received.poll(20, TimeUnit.SECONDS));

    transaction.begin();
    events.publish(topic, "rolled back");
    transaction.rollback();

    transaction.begin();
    events.publish(topic, "committed");
    assertTrue(received.isEmpty(), "nothing is delivered before the commit");
    transaction.commit();
    // Events from one publisher arrive in commit order, so the rolled-back one would come first.
    assertEquals("committed", received.poll(20, TimeUnit.SECONDS));
    events.publish(topic, "last");
    assertEquals("last", received.poll(20, TimeUnit.SECONDS));
    assertTrue(received.isEmpty());
  }

  @Test
  void ofHoldersClaimingAJobAtOnceExactlyOneWins() throws Exception {
    String job = "it.race-" + UUID.randomUUID();
    int holders = 6;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> claims = new ArrayList<>();
    for (int i = 0; i < holders; i++) {
      JobLease lease = new JobLease(dataSource, "it-holder-" + i, Clock.systemUTC());
      claims.add(
          executor.submit(
              () -> {
                go.await();
                return lease.claimFor(job, Duration.ofMinutes(5));
              }));
    }
    go.countDown();
    int won = 0;
    for (Future<Boolean> claim : claims) {
      won += claim.get(60, TimeUnit.SECONDS) ? 1 : 0;
    }
    assertEquals(1, won);
  }

  @Test
  void aJobRunsOncePerClaimAndAgainAfterAFailure() {
    String job = "it.once-" + UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();
    Instant until = Instant.now().plus(Duration.ofHours(1));
    assertTrue(jobs.runOnce(job, until, runs::incrementAndGet));
    assertFalse(jobs.runOnce(job, until, runs::incrementAndGet));
    assertEquals(1, runs.get());

    String failing = "it.failing-" + UUID.randomUUID();
    assertFalse(
        jobs.runOnce(
            failing,
            until,
            () -> {
              throw new IllegalStateException("expected by the test");
            }));
    assertTrue(jobs.runOnce(failing, until, runs::incrementAndGet), "released after the failure");
    assertEquals(2, runs.get());
  }

  private void awaitListening() throws InterruptedException {
    for (int i = 0; i < 200 && !events.listening(); i++) {
      Thread.sleep(100);
    }
    assertTrue(events.listening(), "the instance listens for cluster events");
  }
}
