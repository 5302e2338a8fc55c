package org.tribune.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;
import org.tribune.testsupport.MemoryDatabase;

/** The ingest's waiting path: answers after commit, and its bound on waiting threads. */
class VoteIngestTest {

  private final MemoryDatabase db = new MemoryDatabase();
  private final VoteIngest ingest = new VoteIngest();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> written = Collections.synchronizedList(new ArrayList<>());

  /** Writes nothing; records what it was given once {@link #release} opens, in a transaction. */
  private final BatchWriter<String, String> echo =
      (Connection c, List<String> commands) -> {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        assertFalse(c.getAutoCommit(), "written in a transaction");
        written.addAll(commands);
        return commands.stream().map(command -> "ok " + command).toList();
      };

  @BeforeEach
  void start() {
    ingest.dataSource = db.dataSource();
    ingest.threads = new PlainThreads();
    ingest.queueCapacity = 100;
    ingest.maxBatch = 10;
    ingest.maxWaiting = 2;
    ingest.waitSeconds = 1;
    ingest.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    ingest.stop();
    db.close();
  }

  @Test
  void answersOnTheCallingThreadOnceTheBatchIsWritten() {
    release.countDown();

    assertEquals("ok a", ingest.submitAndWait(echo, "a"));
    assertEquals(List.of("a"), written);
    assertEquals(0, ingest.waiting());
  }

  @Test
  void refusesAtOnceWhenTheMostThreadsAreAlreadyWaiting() throws Exception {
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> wait("a"));
    CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> wait("b"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ingest.waiting() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(2, ingest.waiting());

    DomainException refused =
        assertThrows(DomainException.class, () -> ingest.submitAndWait(echo, "c"));
    assertEquals(DomainException.Kind.UNAVAILABLE, refused.kind());
    assertTrue(refused.getMessage().contains("Too many"), refused.getMessage());

    release.countDown();
    assertEquals("ok a", first.get(5, TimeUnit.SECONDS));
    assertEquals("ok b", second.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("a", "b"), written.stream().sorted().toList());
    assertEquals(0, ingest.waiting());
  }

  @Test
  void aWaitThatRunsOutSaysTheVoteMayStillCount() throws Exception {
    DomainException late =
        assertThrows(DomainException.class, () -> ingest.submitAndWait(echo, "slow"));
    assertEquals(DomainException.Kind.UNAVAILABLE, late.kind());
    assertTrue(late.getMessage().contains("may still be counted"), late.getMessage());

    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (written.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(List.of("slow"), written);
  }

  @Test
  void aStoppedIngestSaysSoRatherThanTooMany() {
    release.countDown();
    ingest.stop();

    DomainException refused =
        assertThrows(DomainException.class, () -> ingest.submitAndWait(echo, "late"));
    assertEquals(DomainException.Kind.UNAVAILABLE, refused.kind());
    assertTrue(refused.getMessage().contains("not running"), refused.getMessage());
  }

  private String wait(String command) {
    return ingest.submitAndWait(echo, command);
  }

  /** The writer thread, without a container. */
  private static final class PlainThreads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException();
    }
  }
}
