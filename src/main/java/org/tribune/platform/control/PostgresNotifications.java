package org.tribune.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL {@code LISTEN/NOTIFY} on one channel: {@link #notify} sends (on commit of the caller's
 * transaction, if it has one), {@link #listen} holds one pooled connection that listens and hands
 * every notification to a consumer, reconnecting after failures. The only class that touches the
 * PostgreSQL driver's own API; it is loaded only on PostgreSQL.
 *
 * <p>Notifications sent while the listening connection is down (a database restart, a network
 * break) are lost: events are hints to re-read the database, never the data itself.
 */
public final class PostgresNotifications {

  private static final Logger LOG = Logger.getLogger(PostgresNotifications.class.getName());

  private final DataSource dataSource;
  private final String channel;
  private volatile boolean running = true;
  private volatile boolean listening;

  public PostgresNotifications(DataSource dataSource, String channel) {
    if (!channel.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Not a channel name: " + channel);
    }
    this.dataSource = dataSource;
    this.channel = channel;
  }

  public void notify(String payload) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      s.setString(1, channel);
      s.setString(2, payload);
      s.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not notify " + channel, e);
    }
  }

  /** Listens until {@link #stop}; call it on a thread of its own. */
  public void listen(Consumer<String> consumer) {
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        PGConnection pg = c.unwrap(PGConnection.class);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + channel);
        }
        listening = true;
        LOG.info(() -> "Listening for cluster events on PostgreSQL channel " + channel);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications == null) {
            continue;
          }
          for (PGNotification n : notifications) {
            try {
              consumer.accept(n.getParameter());
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "A cluster event listener failed", e);
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.log(Level.WARNING, "Cluster event listener lost its connection; retrying", e);
          pause();
        }
      } finally {
        listening = false;
      }
    }
  }

  /** True while the LISTEN is in place. */
  public boolean listening() {
    return listening;
  }

  public void stop() {
    running = false;
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
