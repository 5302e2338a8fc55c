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
 * A member's place in the trusted early group of one device model: which device, since when, and,
 * after a removal, why and until when the cool-down runs. Whether the member is a tester at all is
 * the identity role {@code trusted_tester}: an invitation grants it, a removal revokes it, and an
 * active row whose member lost the role elsewhere counts for nothing (see {@code Testers}). A
 * removed tester can apply or be invited again only after the cool-down.
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
    requireCoolDownOver(now);
    this.deviceId = deviceId;
    this.status = ACTIVE;
    this.invitedBy = manager.value();
    this.invitedAt = now;
    this.removedAt = null;
    this.removalReason = null;
    this.coolDownUntil = null;
  }

  /** Refuses while a removed tester's cool-down runs (409 tester-cool-down, with its end). */
  public void requireCoolDownOver(Instant now) {
    if (coolingDown(now)) {
      throw DomainException.conflict(
              "tester-cool-down",
              "Cool-down",
              "This member was removed from the testers and may apply or be invited again after "
                  + coolDownUntil
                  + ".")
          .with("coolDownUntil", coolDownUntil.toString());
    }
  }

  public boolean coolingDown(Instant now) {
    return !active() && coolDownUntil != null && now.isBefore(coolDownUntil);
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
