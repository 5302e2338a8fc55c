package org.tribune.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.tribune.identity.control.Secrets;
import org.tribune.identity.entity.ApiToken;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;

/**
 * API tokens for integrations. A member sees and revokes only their own: someone else's token id is
 * answered exactly like one that does not exist.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

  static final int MAX_LIVE_TOKENS = 50;

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Event<CredentialsChanged> credentialsChanged;

  /** A freshly issued token; {@code secret} is never retrievable again. */
  public record Issued(ApiToken token, String secret) {}

  public Issued issue(MemberId owner, String name) {
    if (live(owner).size() >= MAX_LIVE_TOKENS) {
      throw DomainException.conflict(
          "too-many-tokens",
          "Too many tokens",
          "A member may have at most " + MAX_LIVE_TOKENS + " tokens; revoke one first.");
    }
    String secret = Secrets.newApiToken();
    ApiToken token = ApiToken.issue(owner, name, Secrets.hash(secret), Instant.now());
    em.persist(token);
    em.flush();
    return new Issued(token, secret);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ApiToken> live(MemberId owner) {
    return em.createNamedQuery(ApiToken.LIVE_OF_MEMBER, ApiToken.class)
        .setParameter("member", owner.value())
        .getResultList();
  }

  /** The owner revokes one of their tokens. */
  public void revokeOwn(MemberId owner, long tokenId) {
    ApiToken token = em.find(ApiToken.class, tokenId);
    if (token == null || !token.belongsTo(owner) || !token.isLive()) {
      throw DomainException.notFound("Token", tokenId);
    }
    revoke(token);
  }

  /** An admin revokes a member's token (a leaked credential, say); audited. */
  public void revokeAsAdmin(MemberId admin, MemberId owner, long tokenId) {
    ApiToken token = em.find(ApiToken.class, tokenId);
    if (token == null || !token.belongsTo(owner) || !token.isLive()) {
      throw DomainException.notFound("Token", tokenId);
    }
    revoke(token);
    audit.record(
        admin, "api-token.revoke", "api-token", Long.toString(tokenId), token.name(), "revoked");
  }

  private void revoke(ApiToken token) {
    token.revoke(Instant.now());
    credentialsChanged.fire(new CredentialsChanged(token.member(), token.tokenHash()));
  }
}
