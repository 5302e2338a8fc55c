package org.tribune.releases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A member in the trusted early group of one device model. Community managers invite; the activity
 * rule removes a tester who stops giving verdicts, and a removed tester can be invited again only
 * after the cool-down. This table, not the identity role, decides who may give verdicts.
 */
@Entity
@Table(name = "trusted_tester")
public class TrustedTester {

  public static final String ACTIVE = "active";
  public static final String REMOVED = "removed";

  @Id
  @Column(name = "member_id")
  private long memberId;

  @Column(name = "device_id", nullable = false)
  private long deviceId;

  @Column(nullable = false)
  private String status;

  @Column(name = "invited_by", nullable = false)
  private long invitedBy;

  @Convert(converter = InstantColumn.class)
  @Column(name = "invited_at", nullable = false)
  private Instant invitedAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "removed_at")
  private Instant removedAt;

  @Column(name = "removal_reason")
  private String removalReason;

  @Convert(converter = InstantColumn.class)
  @Column(name = "cooldown_until")
  private Instant coolDownUntil;

  @Version private long version;

  protected TrustedTester() {}

  public TrustedTester(MemberId member, long deviceId, MemberId manager, Instant now) {
    this.memberId = member.value();
    this.deviceId = deviceId;
    this.status = ACTIVE;
    this.invitedBy = manager.value();
    this.invitedAt = now;
  }

  /** Invites a removed tester again, once the cool-down is over. */
  public void reinvite(long deviceId, MemberId manager, Instant now) {
    if (active()) {
      throw DomainException.conflict(
          "already-tester", "Already a tester", "This member is already a trusted tester.");
    }
    if (coolDownUntil != null && now.isBefore(coolDownUntil)) {
      throw DomainException.conflict(
              "tester-cool-down",
              "Cool-down",
              "This member was removed from the testers and may be invited again after "
                  + coolDownUntil
                  + ".")
          .with("coolDownUntil", coolDownUntil.toString());
    }
    this.deviceId = deviceId;
    this.status = ACTIVE;
    this.invitedBy = manager.value();
    this.invitedAt = now;
    this.removedAt = null;
    this.removalReason = null;
    this.coolDownUntil = null;
  }

  public void remove(String reason, Instant now, Instant coolDownUntil) {
    if (!active()) {
      return;
    }
    this.status = REMOVED;
    this.removedAt = now;
    this.removalReason = reason;
    this.coolDownUntil = coolDownUntil;
  }

  public boolean active() {
    return ACTIVE.equals(status);
  }

  public long memberId() {
    return memberId;
  }

  public long deviceId() {
    return deviceId;
  }

  public String status() {
    return status;
  }

  public Instant invitedAt() {
    return invitedAt;
  }

  public Instant removedAt() {
    return removedAt;
  }

  public String removalReason() {
    return removalReason;
  }

  public Instant coolDownUntil() {
    return coolDownUntil;
  }
}
