package org.tribune.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A community manager's sanction on a member. While it runs the member can neither stand nor vote
 * in a selection round. Kept by selection for now because selection is the only rule that reads it;
 * it belongs with identity once other components need it.
 */
@Entity
@Table(name = "member_sanction")
public class Sanction {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "member_id", nullable = false)
  private long memberId;

  @Column(nullable = false)
  private String reason;

  @Convert(converter = InstantColumn.class)
  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "ends_at")
  private Instant endsAt;

  @Column(name = "created_by", nullable = false)
  private long createdBy;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Sanction() {}

  public Sanction(MemberId member, String reason, Instant endsAt, MemberId by, Instant now) {
    if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
      throw DomainException.invalid("reason", "is required, at most 500 characters");
    }
    if (endsAt != null && !endsAt.isAfter(now)) {
      throw DomainException.invalid("endsAt", "must be in the future (or absent: indefinite)");
    }
    this.memberId = member.value();
    this.reason = reason.strip();
    this.startsAt = now;
    this.endsAt = endsAt;
    this.createdBy = by.value();
    this.createdAt = now;
  }

  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt) && (endsAt == null || now.isBefore(endsAt));
  }

  public long id() {
    return id;
  }

  public MemberId member() {
    return new MemberId(memberId);
  }

  public String reason() {
    return reason;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Optional<Instant> endsAt() {
    return Optional.ofNullable(endsAt);
  }
}
