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

  private BlockingQueue<Pending<?, ?>> queue;
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
    if (!running) {
      throw busy("The vote ingest is not running.");
    }
    Pending<C, R> pending = new Pending<>(kind, command, new CompletableFuture<>());
    if (!queue.offer(pending)) {
      throw busy("Too many votes are waiting to be written; try again in a moment.");
    }
    return pending.result;
  }

  /** Like {@link #submit} but waits, for the rare administrative commands (merges, closures). */
  public <C, R> R submitAndWait(BatchWriter<C, R> kind, C command) {
    try {
      return submit(kind, command).toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy("Interrupted while waiting for the vote writer.");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw busy("The vote writer did not answer in time.");
    }
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
          fail(run.get(0), e);
        } else {
          LOG.log(Level.WARNING, "A batch of " + run.size() + " failed; writing one by one", e);
          for (Pending<?, ?> single : run) {
            try {
              complete(List.of(single), writeRun(List.of(single)));
            } catch (SQLException | RuntimeException again) {
              fail(single, again);
            }
          }
        }
      }
      start = end;
    }
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

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void complete(List<Pending<?, ?>> run, List<?> outcomes) {
    for (int i = 0; i < run.size(); i++) {
      CompletableFuture future = run.get(i).result;
      Object outcome = outcomes.get(i);
      // Responses are written on other threads so the writer goes straight back to the queue.
      completions.execute(() -> future.complete(outcome));
    }
  }

  private void fail(Pending<?, ?> pending, Exception e) {
    LOG.log(Level.SEVERE, "Could not write " + pending.command, e);
    pending.result.completeExceptionally(e);
  }

  private static DomainException busy(String detail) {
    return new DomainException(DomainException.Kind.UNAVAILABLE, "busy", "Busy", detail)
        .with("retryAfterSeconds", 1);
  }

  private record Pending<C, R>(BatchWriter<C, R> kind, C command, CompletableFuture<R> result) {}
}
