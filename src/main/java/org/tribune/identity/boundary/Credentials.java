package org.tribune.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribune.identity.control.Caller;
import org.tribune.identity.control.CallerCache;
import org.tribune.identity.control.LastUsedStamp;
import org.tribune.identity.control.Secrets;
import org.tribune.identity.entity.ApiToken;
import org.tribune.identity.entity.AuthSession;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.boundary.Bootstrap;
import org.tribune.platform.boundary.ClusterEvents;

/**
 * Turns a presented secret (session cookie or API token) into a {@link Caller}. Hot path: every
 * authenticated request comes through here, so answers are cached for {@link
 * CallerCache#DEFAULT_TTL} and a token's last-used time is written at most once an hour.
 *
 * <p>A change of credentials evicts at once on this instance and, through {@link ClusterEvents}
 * (topic {@value #CHANGED_TOPIC}), on every other instance a moment later; the cache's TTL is the
 * bound when such an event is lost.
 */
@ApplicationScoped
public class Credentials {

  static final String CHANGED_TOPIC = "identity.credentials-changed";

  private static final Logger LOG = Logger.getLogger(Credentials.class.getName());

  @PersistenceContext EntityManager em;
  @Inject LastUsedWrites lastUsedWrites;
  @Inject ClusterEvents clusterEvents;
  @Resource ManagedExecutorService executor;

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
    evictHere(change);
    String payload =
        change.member().value() + " " + (change.secretHash() == null ? "-" : change.secretHash());
    // Published from a managed task: this observer runs while the transaction completes.
    executor.execute(
        () -> {
          try {
            clusterEvents.publish(CHANGED_TOPIC, payload);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Other instances will see a credential change late", e);
          }
        });
  }

  void listen(
      @Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class)
          Object event) {
    clusterEvents.subscribe(CHANGED_TOPIC, this::changedElsewhere);
  }

  private void changedElsewhere(String payload) {
    String[] parts = payload.split(" ", 2);
    if (parts.length == 2) {
      evictHere(
          new CredentialsChanged(MemberId.of(parts[0]), "-".equals(parts[1]) ? null : parts[1]));
    }
  }

  private void evictHere(CredentialsChanged change) {
    if (change.secretHash() != null) {
      cache.evict(change.secretHash());
    } else {
      cache.evictMember(change.member());
    }
  }

  private Optional<Caller> loadApiToken(String hash) {
    Optional<ApiToken> found =
        em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
            .setParameter("hash", hash)
            .getResultStream()
            .findFirst()
            .filter(ApiToken::isLive);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiToken token = found.get();
    Member member = em.find(Member.class, token.member().value());
    if (member == null) {
      return Optional.empty();
    }
    return Optional.of(new Caller(member.id(), member.roles(), null, token.id(), null));
  }

  private Optional<Caller> loadSession(String hash) {
    Instant now = Instant.now();
    AuthSession session = em.find(AuthSession.class, hash);
    if (session == null || !session.isLiveAt(now)) {
      return Optional.empty();
    }
    Member member = em.find(Member.class, session.member().value());
    if (member == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Caller(member.id(), member.roles(), session.csrfToken(), null, session.expiresAt()));
  }

  /**
   * Called for every bearer request; writes only when {@link LastUsedStamp} says an hour has passed
   * for this token on this instance (and the UPDATE skips rows another instance stamped within the
   * hour).
   */
  private void noteUse(Caller caller) {
    if (caller.tokenId() != null && lastUsed.claim(caller.tokenId(), null)) {
      stampLastUsed(caller.tokenId());
    }
  }

  private void stampLastUsed(long tokenId) {
    try {
      Instant now = lastUsed.now();
      lastUsedWrites.write(tokenId, now, now.minus(LastUsedStamp.DEFAULT_INTERVAL));
    } catch (RuntimeException e) {
      // Bookkeeping only: a failed write must not fail the request it rides on.
      LOG.log(Level.FINE, "Could not record last use of API token " + tokenId, e);
    }
  }

  /** Its own bean so that the write gets its own transaction through the interceptor. */
  @ApplicationScoped
  public static class LastUsedWrites {
    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(long tokenId, Instant now, Instant cutoff) {
      em.createQuery(
              "UPDATE ApiToken t SET t.lastUsedAt = :now WHERE t.id = :id"
                  + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :cutoff)")
          .setParameter("now", now)
          .setParameter("cutoff", cutoff)
          .setParameter("id", tokenId)
          .executeUpdate();
    }
  }
}
