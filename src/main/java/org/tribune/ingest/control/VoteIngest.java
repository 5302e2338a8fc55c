package org.tribune.ingest.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.platform.boundary.Bootstrap;
import org.tribune.platform.entity.DomainException;

/**
 * The vote ingest: a bounded queue and a single writer thread that commits whatever has queued in
 * one transaction per batch. See the package documentation for why.
 */
@ApplicationScoped
public class VoteIngest {

  private static final Logger LOG = Logger.getLogger(VoteIngest.class.getName());
  private static final int MAX_ATTEMPTS = 3;
  private static final int COMPLETION_SLICE = 16;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Resource(lookup = "concurrent/tribuneThreads")
  ManagedThreadFactory threads;

  @Resource ManagedExecutorService completions;

  @Inject
  @ConfigProperty(name = "tribune.ingest.queue-capacity", defaultValue = "20000")
  int queueCapacity;

  @Inject
  @ConfigProperty(name = "tribune.ingest.max-batch", defaultValue = "500")
  int maxBatch;

  @Inject
  @ConfigProperty(name = "tribune.ingest.max-waiting", defaultValue = "512")
  int maxWaiting;

  @Inject
  @ConfigProperty(name = "tribune.ingest.wait-seconds", defaultValue = "60")
  int waitSeconds;

  private BlockingQueue<Pending<?, ?>> queue;
  private volatile Semaphore waiters = new Semaphore(0);
  private Thread writer;
  private volatile boolean running;

  void onStart(
      @Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class)
          Object event) {
    start();
  }

  /** Starts the writer (at start-up, after the schema is migrated). */
  public synchronized void start() {
    if (running) {
      return;
    }
    queue = new ArrayBlockingQueue<>(queueCapacity);
    waiters = new Semaphore(maxWaiting);
    running = true;
    writer = threads.newThread(this::drain);
    writer.setName("tribune-vote-writer");
    writer.start();
    LOG.info(
        () -> "Vote ingest started (queue " + queueCapacity + ", batches up to " + maxBatch + ")");
  }

  /**
   * Queues a command. The stage completes after the batch holding it has committed, with the
   * writer's outcome, or exceptionally if it could not be written. When the queue is full this
   * throws a 503 {@code busy} problem at once, so nothing is accepted that cannot be written.
   */
  public <C, R> CompletionStage<R> submit(BatchWriter<C, R> kind, C command) {
    return queue(kind, command, false).result;
  }

  private <C, R> Pending<C, R> queue(BatchWriter<C, R> kind, C command, boolean waiting) {
    if (!running) {
      throw notRunning();
    }
    Pending<C, R> pending = new Pending<>(kind, command, new CompletableFuture<>(), waiting);
    if (!queue.offer(pending)) {
      throw tooMany();
    }
    return pending;
  }

  /**
   * Queues a command and waits on the calling thread until the batch holding it has committed; the
   * writer then completes it directly (an unpark, no task hand-off). This is how the vote endpoints
   * answer: on Open Liberty a blocked request thread costs less than JAX-RS's asynchronous response
   * (a JNDI lookup, an async context, a re-dispatch per request; see docs/performance.md) and is
   * not exposed to the container's completion race. At most {@code tribune.ingest.max-waiting}
   * threads wait at once; beyond that, and when the queue is full, this answers 503 {@code busy} at
   * once, so a stalled database cannot pile up request threads.
   */
  public <C, R> R submitAndWait(BatchWriter<C, R> kind, C command) {
    if (!running) {
      throw notRunning();
    }
    Semaphore permits = waiters;
    if (!permits.tryAcquire()) {
      throw tooMany();
    }
    try {
      return queue(kind, command, true).result.get(waitSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unconfirmed();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw unconfirmed();
    } finally {
      permits.release();
    }
  }

  /** Requests waiting in {@link #submitAndWait} right now. */
  public int waiting() {
    return maxWaiting - waiters.availablePermits();
  }

  public int queued() {
    return queue == null ? 0 : queue.size();
  }

  @PreDestroy
  synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    writer.interrupt();
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Pending<?, ?>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.result.completeExceptionally(busy("The service is stopping.")));
  }

  private void drain() {
    List<Pending<?, ?>> batch = new ArrayList<>(maxBatch);
    while (running || !queue.isEmpty()) {
      try {
        Pending<?, ?> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        writeInRuns(batch);
      } catch (InterruptedException e) {
        if (!running) {
          // Finish what was queued before the stop, then leave.
          List<Pending<?, ?>> rest = new ArrayList<>();
          queue.drainTo(rest);
          if (!rest.isEmpty()) {
            writeInRuns(rest);
          }
          return;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Vote writer failed a batch", e);
      } finally {
        batch.clear();
      }
    }
  }

  /** Consecutive commands of the same kind are written together; order is kept. */
  private void writeInRuns(List<Pending<?, ?>> batch) {
    int start = 0;
    while (start < batch.size()) {
      BatchWriter<?, ?> kind = batch.get(start).kind;
      int end = start + 1;
      while (end < batch.size() && batch.get(end).kind == kind) {
        end++;
      }
      List<Pending<?, ?>> run = batch.subList(start, end);
      try {
        complete(run, writeRun(run));
      } catch (SQLException | RuntimeException e) {
        if (run.size() == 1) {
          if (transientConflict(e)) {
            writeAlone(run.get(0));
          } else {
            fail(run.get(0), e);
          }
        } else {
          LOG.log(Level.WARNING, "A batch of " + run.size() + " failed; writing one by one", e);
          for (Pending<?, ?> single : run) {
            writeAlone(single);
          }
        }
      }
      start = end;
    }
  }

  /**
   * Writes one command in a transaction of its own. A conflict with another instance writing the
   * same rows (a unique key taken meanwhile, a row changed since it was read, a deadlock) is tried
   * again against fresh state, a few times; any other failure fails the command.
   */
  private void writeAlone(Pending<?, ?> single) {
    for (int attempt = 1; ; attempt++) {
      try {
        complete(List.of(single), writeRun(List.of(single)));
        return;
      } catch (SQLException | RuntimeException e) {
        if (attempt >= MAX_ATTEMPTS || !transientConflict(e)) {
          fail(single, e);
          return;
        }
      }
    }
  }

  /** Integrity violations (SQLState class 23), serialization failures and deadlocks (40). */
  static boolean transientConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConflictingWrite) {
        return true;
      }
      if (t instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          String state = next.getSQLState();
          if (state != null && (state.startsWith("23") || state.startsWith("40"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<?> writeRun(List<Pending<?, ?>> run) throws SQLException {
    BatchWriter kind = run.get(0).kind;
    List<Object> commands = new ArrayList<>(run.size());
    run.forEach(p -> commands.add(p.command));
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<?> outcomes = kind.write(connection, commands);
        if (outcomes.size() != commands.size()) {
          throw new IllegalStateException(
              "A writer returned "
                  + outcomes.size()
                  + " outcomes for "
                  + commands.size()
                  + " commands");
        }
        connection.commit();
        return outcomes;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /**
   * Completes the requests of a committed run. A request waiting in {@link #submitAndWait} is
   * completed here, on the writer: that only wakes its thread. A stage from {@link #submit} may
   * carry dependent work (writing a response), so those complete on the managed executor, not on
   * the writer, which goes straight back to the queue; one task per slice of {@link
   * #COMPLETION_SLICE} requests rather than per request, because each task carries the cost of a
   * contextual task submission.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void complete(List<Pending<?, ?>> run, List<?> outcomes) {
    List<CompletableFuture> futures = new ArrayList<>(COMPLETION_SLICE);
    List<Object> results = new ArrayList<>(COMPLETION_SLICE);
    for (int i = 0; i < run.size(); i++) {
      Pending<?, ?> pending = run.get(i);
      if (pending.waiting) {
        ((CompletableFuture) pending.result).complete(outcomes.get(i));
        continue;
      }
      futures.add(pending.result);
      results.add(outcomes.get(i));
      if (futures.size() == COMPLETION_SLICE) {
        completeLater(futures, results);
        futures = new ArrayList<>(COMPLETION_SLICE);
        results = new ArrayList<>(COMPLETION_SLICE);
      }
    }
    if (!futures.isEmpty()) {
      completeLater(futures, results);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void completeLater(List<CompletableFuture> futures, List<Object> results) {
    completions.execute(
        () -> {
          for (int i = 0; i < futures.size(); i++) {
            futures.get(i).complete(results.get(i));
          }
        });
  }

  private void fail(Pending<?, ?> pending, Exception e) {
    LOG.log(Level.SEVERE, "Could not write " + pending.command, e);
    pending.result.completeExceptionally(e);
  }

  private static DomainException notRunning() {
    return busy("The vote ingest is not running.");
  }

  private static DomainException tooMany() {
    return busy("Too many votes are waiting to be written; try again in a moment.");
  }

  /** The command is queued and may still be written: the client must not assume either way. */
  private static DomainException unconfirmed() {
    return busy(
        "The vote writer did not confirm in time; the vote may still be counted. Retrying is safe:"
            + " a vote already counted answers 409.");
  }

  private static DomainException busy(String detail) {
    return new DomainException(DomainException.Kind.UNAVAILABLE, "busy", "Busy", detail)
        .with("retryAfterSeconds", 1);
  }

  private record Pending<C, R>(
      BatchWriter<C, R> kind, C command, CompletableFuture<R> result, boolean waiting) {}
}
