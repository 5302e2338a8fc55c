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
 * A member's request to join a device's trusted testers. It stays open until a community manager
 * invites the member (which decides it); a member has at most one open application.
 */
@Entity
@Table(name = "tester_application")
public class TesterApplication {

  public static final int MAX_MOTIVATION = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "member_id", nullable = false)
  private long memberId;

  @Column(name = "device_id", nullable = false)
  private long deviceId;

  @Column private String motivation;

  @Convert(converter = InstantColumn.class)
  @Column(name = "applied_at", nullable = false)
  private Instant appliedAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "decided_at")
  private Instant decidedAt;

  protected TesterApplication() {}

  public TesterApplication(MemberId member, long deviceId, String motivation, Instant now) {
    if (motivation != null && motivation.strip().length() > MAX_MOTIVATION) {
      throw DomainException.invalid("motivation", "at most " + MAX_MOTIVATION + " characters");
    }
    this.memberId = member.value();
    this.deviceId = deviceId;
    this.motivation = motivation == null || motivation.isBlank() ? null : motivation.strip();
    this.appliedAt = now;
  }

  public void decide(Instant now) {
    if (decidedAt == null) {
      decidedAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public long memberId() {
    return memberId;
  }

  public long deviceId() {
    return deviceId;
  }

  public String motivation() {
    return motivation;
  }

  public Instant appliedAt() {
    return appliedAt;
  }

  public Instant decidedAt() {
    return decidedAt;
  }
}
