package org.tribune.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.tribune.platform.entity.InstantColumn;

/**
 * A signed-in browser, kept in the database rather than in an HttpSession so that any instance can
 * serve any request without sticky sessions. The id is the SHA-256 of the cookie value; the expiry
 * is fixed at sign-in so that authenticating a request never has to write.
 */
@Entity
@Table(name = "auth_session")
public class AuthSession {

  public static final Duration LIFETIME = Duration.ofDays(14);

  @Id private String id;

  @Column(name = "member_id")
  private long memberId;

  @Column(name = "csrf_token")
  private String csrfToken;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at")
  private Instant createdAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "expires_at")
  private Instant expiresAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected AuthSession() {}

  public static AuthSession open(String tokenHash, MemberId member, String csrfToken, Instant now) {
    AuthSession s = new AuthSession();
    s.id = tokenHash;
    s.memberId = member.value();
    s.csrfToken = csrfToken;
    s.createdAt = now;
    s.expiresAt = now.plus(LIFETIME);
    return s;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public boolean isLiveAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public MemberId member() {
    return new MemberId(memberId);
  }

  public String csrfToken() {
    return csrfToken;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
