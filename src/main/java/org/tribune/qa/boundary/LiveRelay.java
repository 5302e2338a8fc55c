package org.tribune.qa.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.platform.boundary.Bootstrap;
import org.tribune.platform.boundary.ClusterEvents;

/**
 * Pushes a live session's state to its watchers as server-sent events: one {@link SseBroadcaster}
 * per session, holding the open event sinks. A watcher costs an open connection and a sink object,
 * not a thread: JAX-RS writes each event asynchronously to every sink, and a closed sink drops out
 * of the broadcaster by itself. So a session page can have thousands of watchers on one instance.
 *
 * <p>Every instance hears every change: a command that changes what watchers see fires {@link
 * LiveChanged} inside its transaction, which publishes the session id on {@link ClusterEvents}
 * (PostgreSQL {@code NOTIFY} with several instances, in the JVM on Derby) and so reaches each
 * instance only after the commit, never for a rollback. Each instance then reads the state once —
 * not once per watcher — and broadcasts it to its own watchers of that session; changes that arrive
 * while a read is pending are folded into it. A lost notification only delays a watcher until the
 * next change or its reconnect.
 *
 * <p>A state event is a whole snapshot, and its id is a hash of it: a watcher that reconnects with
 * {@code Last-Event-ID} gets the current state at once unless it already has exactly that one.
 * Every {@code tribune.qa.live-heartbeat-seconds} each stream gets an SSE comment, so proxies and
 * load balancers do not close a quiet stream, and connections that went away are noticed.
 */
@ApplicationScoped
public class LiveRelay {

  /** The fired event: something a session's watchers see changed in the current transaction. */
  public record LiveChanged(long session) {}

  /** The cluster topic; the payload is the session id. */
  static final String TOPIC = "qa.live";

  private static final Logger LOG = Logger.getLogger(LiveRelay.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

  @Inject ClusterEvents cluster;
  @Inject Sessions sessions;
  @Resource ManagedScheduledExecutorService executor;

  /** TRIBUNE_QA_LIVE_HEARTBEAT_SECONDS: a comment on every stream this often; 0 turns it off. */
  @Inject
  @ConfigProperty(name = "tribune.qa.live-heartbeat-seconds", defaultValue = "15")
  int heartbeatSeconds;

  private final Map<Long, SseBroadcaster> broadcasters = new ConcurrentHashMap<>();
  private final Set<Long> pending = ConcurrentHashMap.newKeySet();
  private final AtomicInteger watchers = new AtomicInteger();
  private volatile Sse sse;
  private ScheduledFuture<?> heartbeat;

  void onStart(
      @Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class)
          Object event) {
    cluster.subscribe(TOPIC, this::changed);
    if (heartbeatSeconds > 0) {
      heartbeat =
          executor.scheduleWithFixedDelay(
              this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }
  }

  /**
   * Registers a watcher and sends it the current state at once, unless {@code lastEventId} says it
   * already has exactly this state (a reconnect after a quiet spell).
   */
  public void watch(
      long session, LiveView current, String lastEventId, SseEventSink sink, Sse sse) {
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
    String json = JSON.toJson(current);
    String id = id(json);
    if (!id.equals(lastEventId)) {
      sink.send(event(sse, id, json));
    }
  }

  /** Inside the committing transaction: every instance hears of it after the commit. */
  void onChange(@Observes LiveChanged change) {
    cluster.publish(TOPIC, Long.toString(change.session()));
  }

  /** A change committed on some instance: re-read the state once, if anyone here watches. */
  private void changed(String payload) {
    long session;
    try {
      session = Long.parseLong(payload);
    } catch (NumberFormatException e) {
      return;
    }
    if (!broadcasters.containsKey(session) || !pending.add(session)) {
      return;
    }
    try {
      executor.execute(
          () -> {
            pending.remove(session);
            try {
              deliver(sessions.live(session));
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Could not relay the live state of session " + session, e);
            }
          });
    } catch (RejectedExecutionException e) {
      pending.remove(session);
    }
  }

  /** Sends a state to this instance's watchers of its session. */
  public void deliver(LiveView view) {
    SseBroadcaster broadcaster = broadcasters.get(view.session());
    Sse current = sse;
    if (broadcaster != null && current != null) {
      String json = JSON.toJson(view);
      broadcaster.broadcast(event(current, id(json), json));
    }
  }

  private void beat() {
    Sse current = sse;
    if (current == null) {
      return;
    }
    for (SseBroadcaster broadcaster : broadcasters.values()) {
      try {
        broadcaster.broadcast(current.newEventBuilder().comment("heartbeat").build());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "A heartbeat failed", e);
      }
    }
  }

  /** Open watcher connections on this instance (approximate; for operations). */
  public int watchers() {
    return Math.max(0, watchers.get());
  }

  @PreDestroy
  void close() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    broadcasters.values().forEach(SseBroadcaster::close);
  }

  private static OutboundSseEvent event(Sse sse, String id, String json) {
    return sse.newEventBuilder()
        .name("state")
        .id(id)
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(String.class, json)
        .reconnectDelay(3000)
        .build();
  }

  /** The event id of a state: the first 16 bytes of its JSON's SHA-256, in hex. */
  static String id(String json) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
