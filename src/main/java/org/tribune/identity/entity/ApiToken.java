package org.tribune.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A member's credential for an integration. Only the SHA-256 of the secret is kept; the secret is
 * shown once, when the token is issued. A revoked token stays for the record and never works again.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(
    name = ApiToken.LIVE_OF_MEMBER,
    query =
        "SELECT t FROM ApiToken t WHERE t.memberId = :member AND t.revokedAt IS NULL"
            + " ORDER BY t.id")
public class ApiToken {

  public static final String LIVE_OF_MEMBER = "ApiToken.liveOfMember";
  static final int MAX_NAME = 80;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "member_id")
  private long memberId;

  private String name;

  @Column(name = "token_hash")
  private String tokenHash;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at")
  private Instant createdAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  public static ApiToken issue(MemberId member, String name, String tokenHash, Instant now) {
    if (name == null || name.isBlank()) {
      throw DomainException.invalid("name", "is required");
    }
    if (name.strip().length() > MAX_NAME) {
      throw DomainException.invalid("name", "must be at most " + MAX_NAME + " characters");
    }
    ApiToken t = new ApiToken();
    t.memberId = member.value();
    t.name = name.strip();
    t.tokenHash = tokenHash;
    t.createdAt = now;
    return t;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public boolean isLive() {
    return revokedAt == null;
  }

  public boolean belongsTo(MemberId member) {
    return memberId == member.value();
  }

  public long id() {
    return id;
  }

  public MemberId member() {
    return new MemberId(memberId);
  }

  public String name() {
    return name;
  }

  public String tokenHash() {
    return tokenHash;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }
}
