package org.tribune.releases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A member's phone of one device model, as the OTA client on it identifies itself. It can only
 * report installs of that model's builds, with the time the phone installed them; only the SHA-256
 * of its secret is kept, and a revoked token never works again.
 */
@Entity
@Table(name = "device_token")
public class DeviceToken {

  public static final String PREFIX = "trd_";
  public static final int MAX_NAME = 80;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "member_id", nullable = false)
  private long memberId;

  @Column(name = "device_id", nullable = false)
  private long deviceId;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected DeviceToken() {}

  public DeviceToken(MemberId member, long deviceId, String name, String tokenHash, Instant now) {
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
      throw DomainException.invalid("name", "is required, at most " + MAX_NAME + " characters");
    }
    this.memberId = member.value();
    this.deviceId = deviceId;
    this.name = name.strip();
    this.tokenHash = tokenHash;
    this.createdAt = now;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public boolean live() {
    return revokedAt == null;
  }

  public boolean belongsTo(MemberId member) {
    return memberId == member.value();
  }

  public Long id() {
    return id;
  }

  public MemberId member() {
    return new MemberId(memberId);
  }

  public long deviceId() {
    return deviceId;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
