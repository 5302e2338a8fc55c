package org.tribune.identity.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.identity.control.Caller;
import org.tribune.identity.control.CallerCache;
import org.tribune.identity.control.CredentialStore;
import org.tribune.identity.control.LastUsedStamp;
import org.tribune.identity.control.Secrets;
import org.tribune.platform.boundary.Bootstrap;

/**
 * Turns a presented secret (session cookie or API token) into a {@link Caller}. Hot path: every
 * authenticated request comes through here, so answers are cached for {@link
 * CallerCache#DEFAULT_TTL} and a token's last-used time is written at most once an hour.
 */
@ApplicationScoped
public class Credentials {

  private static final Logger LOG = Logger.getLogger(Credentials.class.getName());

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Inject LastUsedWrites lastUsedWrites;

  private final CallerCache cache =
      new CallerCache(CallerCache.DEFAULT_TTL, CallerCache.DEFAULT_MAX_ENTRIES, Clock.systemUTC());
  private final LastUsedStamp lastUsed =
      new LastUsedStamp(LastUsedStamp.DEFAULT_INTERVAL, Clock.systemUTC());

  public Optional<Caller> byApiToken(String token) {
    if (!Secrets.looksLikeApiToken(token)) {
      return Optional.empty();
    }
    Optional<Caller> caller = cache.get(Secrets.hash(token), this::loadApiToken);
    caller.ifPresent(this::noteUse);
    return caller;
  }

  public Optional<Caller> bySessionCookie(String cookie) {
    if (!Secrets.looksLikeSessionToken(cookie)) {
      return Optional.empty();
    }
    return cache.get(Secrets.hash(cookie), this::loadSession);
  }

  void evict(@Observes(during = TransactionPhase.AFTER_SUCCESS) CredentialsChanged change) {
    if (change.secretHash() != null) {
      cache.evict(change.secretHash());
    } else {
      cache.evictMember(change.member());
    }
  }

  private Optional<Caller> loadApiToken(String hash) {
    try (Connection c = dataSource.getConnection()) {
      return CredentialStore.apiToken(c, hash)
          .map(
              found -> {
                lastUsed.remember(found.caller().tokenId(), found.lastUsedAt());
                return found.caller();
              });
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read an API token", e);
    }
  }

  private Optional<Caller> loadSession(String hash) {
    try (Connection c = dataSource.getConnection()) {
      return CredentialStore.session(c, hash, Instant.now());
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read a session", e);
    }
  }

  /**
   * Called for every bearer request; notes a use only when {@link LastUsedStamp} says an hour has
   * passed for this token on this instance. The time is written later, in a batch, off the
   * request's path (see {@link LastUsedWrites}).
   */
  private void noteUse(Caller caller) {
    if (caller.tokenId() != null && lastUsed.claim(caller.tokenId(), null)) {
      lastUsedWrites.note(caller.tokenId(), lastUsed.now());
    }
  }

  /**
   * Writes the noted last-used times every few seconds in one batch (an UPDATE that skips rows
   * another instance stamped within the hour). A crash loses at most those few seconds of
   * bookkeeping, never a request.
   */
  @ApplicationScoped
  public static class LastUsedWrites {

    @Resource(lookup = "jdbc/tribune")
    DataSource dataSource;

    @Resource ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tribune.identity.last-used-flush-seconds", defaultValue = "5")
    int flushSeconds;

    private final ConcurrentHashMap<Long, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flushing;

    void onStart(
        @Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class)
            Object event) {
      flushing =
          scheduler.scheduleWithFixedDelay(
              this::flushQuietly, flushSeconds, flushSeconds, TimeUnit.SECONDS);
    }

    public void note(long tokenId, Instant at) {
      pending.put(tokenId, at);
    }

    @PreDestroy
    void stop() {
      if (flushing != null) {
        flushing.cancel(false);
      }
      flushQuietly();
    }

    void flushQuietly() {
      if (pending.isEmpty()) {
        return;
      }
      Map<Long, Instant> batch = new HashMap<>();
      for (Long id : List.copyOf(pending.keySet())) {
        Instant at = pending.remove(id);
        if (at != null) {
          batch.put(id, at);
        }
      }
      try (Connection c = dataSource.getConnection()) {
        Instant oldest = batch.values().stream().min(Instant::compareTo).orElseThrow();
        CredentialStore.stampLastUsed(c, batch, oldest.minus(LastUsedStamp.DEFAULT_INTERVAL));
      } catch (SQLException | RuntimeException e) {
        // Bookkeeping only: a failed write must not fail anything else.
        LOG.log(Level.WARNING, "Could not record the last use of " + batch.size() + " tokens", e);
      }
    }
  }
}
