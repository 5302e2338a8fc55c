package org.tribune.qa.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pushes a live session's state to its watchers as server-sent events: one {@link SseBroadcaster}
 * per session, holding the open event sinks. A watcher costs an open connection and a sink object,
 * not a thread: JAX-RS writes each event asynchronously to every sink, and a closed sink drops out
 * of the broadcaster by itself. So a session page can have thousands of watchers on one instance.
 *
 * <p>Changes arrive as {@link LiveChanged} CDI events, observed only after their transaction
 * commits, so watchers never see a state that was rolled back.
 *
 * <p>Several instances: a watcher is connected to one instance, but the change may be committed on
 * another. This class is the one place to plug a relay in: an instance that commits a change would
 * also {@code NOTIFY tribune_live, '<session>'} in PostgreSQL, and a listener on every instance
 * would {@code LISTEN tribune_live} and call {@link #deliver} with the state it reads back. Nothing
 * else needs to change.
 */
@ApplicationScoped
public class LiveRelay {

  /** The fired event: a session's new live state, computed inside the committing transaction. */
  public record LiveChanged(LiveView view) {}

  private final Map<Long, SseBroadcaster> broadcasters = new ConcurrentHashMap<>();
  private final AtomicInteger watchers = new AtomicInteger();
  private volatile Sse sse;

  /** Registers a watcher and sends it the current state at once. */
  public void watch(long session, LiveView current, SseEventSink sink, Sse sse) {
    this.sse = sse;
    SseBroadcaster broadcaster =
        broadcasters.computeIfAbsent(
            session,
            id -> {
              SseBroadcaster b = sse.newBroadcaster();
              b.onClose(s -> watchers.decrementAndGet());
              b.onError((s, e) -> watchers.decrementAndGet());
              return b;
            });
    watchers.incrementAndGet();
    broadcaster.register(sink);
    sink.send(event(sse, current));
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) LiveChanged change) {
    deliver(change.view());
  }

  /** Sends a state to this instance's watchers of its session. */
  public void deliver(LiveView view) {
    SseBroadcaster broadcaster = broadcasters.get(view.session());
    Sse current = sse;
    if (broadcaster != null && current != null) {
      broadcaster.broadcast(event(current, view));
    }
  }

  /** Open watcher connections on this instance (approximate; for operations). */
  public int watchers() {
    return Math.max(0, watchers.get());
  }

  @PreDestroy
  void close() {
    broadcasters.values().forEach(SseBroadcaster::close);
  }

  private static OutboundSseEvent event(Sse sse, LiveView view) {
    return sse.newEventBuilder()
        .name("state")
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(LiveView.class, view)
        .reconnectDelay(3000)
        .build();
  }
}
