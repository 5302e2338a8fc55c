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
 * decides it, once: inviting the member (which grants the role, see {@code Testers}) or declining
 * with a reason the applicant reads. A member has at most one open application; a declined member
 * may apply again at once (only a removed tester waits out a cool-down).
 */
@Entity
@Table(name = "tester_application")
public class TesterApplication {

  public static final int MAX_MOTIVATION = 1000;
  public static final int MAX_REASON = 1000;

  public static final String OPEN = "open";
  public static final String INVITED = "invited";
  public static final String DECLINED = "declined";

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

  @Column(nullable = false)
  private String outcome;

  @Column(name = "decided_by")
  private Long decidedBy;

  @Column(name = "decline_reason")
  private String declineReason;

  protected TesterApplication() {}

  public TesterApplication(MemberId member, long deviceId, String motivation, Instant now) {
    if (motivation != null && motivation.strip().length() > MAX_MOTIVATION) {
      throw DomainException.invalid("motivation", "at most " + MAX_MOTIVATION + " characters");
    }
    this.memberId = member.value();
    this.deviceId = deviceId;
    this.motivation = motivation == null || motivation.isBlank() ? null : motivation.strip();
    this.appliedAt = now;
    this.outcome = OPEN;
  }

  /** The manager invited the applicant; an application already decided stays as it was. */
  public void invited(MemberId manager, Instant now) {
    if (open()) {
      decide(INVITED, manager, now);
    }
  }

  /**
   * The manager declines, with a reason the applicant sees (required, at most {@value #MAX_REASON}
   * characters); 409 {@code application-decided} when it was decided already.
   */
  public void decline(MemberId manager, String reason, Instant now) {
    if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
      throw DomainException.invalid("reason", "is required, at most " + MAX_REASON + " characters");
    }
    if (!open()) {
      throw DomainException.conflict(
              "application-decided",
              "Already decided",
              "This application was already decided (" + outcome + ").")
          .with("outcome", outcome);
    }
    decide(DECLINED, manager, now);
    this.declineReason = reason.strip();
  }

  private void decide(String outcome, MemberId manager, Instant now) {
    this.outcome = outcome;
    this.decidedBy = manager.value();
    this.decidedAt = now;
  }

  public boolean open() {
    return OPEN.equals(outcome);
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

  /** {@value #OPEN}, {@value #INVITED} or {@value #DECLINED}. */
  public String outcome() {
    return outcome;
  }

  public Long decidedBy() {
    return decidedBy;
  }

  public String declineReason() {
    return declineReason;
  }
}
