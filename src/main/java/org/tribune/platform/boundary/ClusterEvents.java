package org.tribune.platform.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.tribune.platform.control.ClusterMessage;
import org.tribune.platform.control.PostgresNotifications;

/**
 * Events that every instance hears: live-session updates for watchers connected to any instance,
 * cache evictions, "something changed, re-read". {@link #publish} on one instance reaches the
 * subscribers of the topic on every instance, including its own.
 *
 * <p>On PostgreSQL this is {@code LISTEN/NOTIFY} on one channel ({@value #CHANNEL}): each instance
 * keeps one pooled connection listening. On embedded Derby there is only one instance, so delivery
 * stays in the JVM. Either way an event published inside a transaction is delivered after it
 * commits, and never if it rolls back.
 *
 * <p>Delivery is at most once and may be lost while an instance's listening connection is down, and
 * the payload is at most {@link ClusterMessage#MAX_BYTES}: publish a reference (an id, a sequence
 * number) and let the subscriber read the database. Subscribers run on the listener thread; they
 * must be quick and must not block (hand longer work to an executor).
 */
@ApplicationScoped
public class ClusterEvents {

  public static final String CHANNEL = "tribune_events";

  private static final Logger LOG = Logger.getLogger(ClusterEvents.class.getName());

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Resource(lookup = "concurrent/tribuneThreads")
  ManagedThreadFactory threads;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
  private volatile Boolean onPostgres;
  private PostgresNotifications notifications;
  private Thread listener;

  /** Delivers every later event of the topic, from any instance, to the listener. */
  public void subscribe(String topic, Consumer<String> listener) {
    new ClusterMessage(topic, ""); // validates the topic
    subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    if (postgres()) {
      startListening();
    }
  }

  /** Sends the event to the topic's subscribers on every instance (after the caller's commit). */
  public void publish(String topic, String payload) {
    ClusterMessage message = new ClusterMessage(topic, payload);
    if (postgres()) {
      // pg_notify on a pooled connection: enlisted in the caller's transaction if there is one,
      // and PostgreSQL sends the notification when that commits.
      notifications().notify(message.encode());
    } else if (transactions != null
        && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                deliver(message);
              }
            }
          });
    } else {
      deliver(message);
    }
  }

  /** True once this instance can hear other instances' events (always true on Derby). */
  public boolean listening() {
    return !postgres() || (notifications != null && notifications.listening());
  }

  private void deliver(String text) {
    ClusterMessage message = ClusterMessage.decode(text);
    if (message != null) {
      deliver(message);
    }
  }

  private void deliver(ClusterMessage message) {
    for (Consumer<String> listener : subscribers.getOrDefault(message.topic(), List.of())) {
      try {
        listener.accept(message.payload());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A subscriber of " + message.topic() + " failed", e);
      }
    }
  }

  private boolean postgres() {
    Boolean known = onPostgres;
    if (known == null) {
      try (Connection c = dataSource.getConnection()) {
        known = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        throw new IllegalStateException("Could not tell which database this is", e);
      }
      onPostgres = known;
    }
    return known;
  }

  private synchronized PostgresNotifications notifications() {
    if (notifications == null) {
      notifications = new PostgresNotifications(dataSource, CHANNEL);
    }
    return notifications;
  }

  private synchronized void startListening() {
    if (listener != null) {
      return;
    }
    PostgresNotifications pg = notifications();
    listener = threads.newThread(() -> pg.listen(this::deliver));
    listener.setName("tribune-cluster-events");
    listener.setDaemon(true);
    listener.start();
  }

  @PreDestroy
  synchronized void stop() {
    if (notifications != null) {
      notifications.stop();
    }
    if (listener != null) {
      try {
        listener.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
