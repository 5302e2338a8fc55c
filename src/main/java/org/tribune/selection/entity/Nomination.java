package org.tribune.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A member standing in a round. The nominee's member type, region and device line are copied when
 * the nomination is made, so quotas judge the candidate as they stood. Endorsement counts and the
 * ballot position are written by the vote ingest and the shortlist freeze (read-only here).
 */
@Entity
@Table(name = "selection_nomination")
public class Nomination {

  public static final int MAX_STATEMENT = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "round_id", nullable = false)
  private long roundId;

  @Column(name = "nominee_id", nullable = false)
  private long nomineeId;

  @Column(name = "nominated_by", nullable = false)
  private long nominatedBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NominationStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(nullable = false)
  private String statement;

  @Column(name = "member_type", nullable = false)
  private String memberType;

  private String region;

  @Column(name = "device_line")
  private String deviceLine;

  @Column(nullable = false)
  private int activity;

  @Column(nullable = false, updatable = false)
  private long endorsements;

  @Column(name = "ballot_position", updatable = false)
  private Integer ballotPosition;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Version private long version;

  protected Nomination() {}

  public static Nomination of(
      long roundId, Member nominee, MemberId by, String statement, int activity, Instant now) {
    String text = statement == null ? "" : statement.strip();
    if (text.length() > MAX_STATEMENT) {
      throw DomainException.invalid(
          "statement", "must be at most " + MAX_STATEMENT + " characters");
    }
    Nomination n = new Nomination();
    n.roundId = roundId;
    n.nomineeId = nominee.id().value();
    n.nominatedBy = by.value();
    n.statement = text;
    n.memberType = nominee.memberType();
    n.region = nominee.region();
    n.deviceLine = nominee.deviceLine();
    n.activity = activity;
    n.createdAt = now;
    if (nominee.id().equals(by)) {
      n.status = NominationStatus.ACCEPTED;
      n.acceptedAt = now;
    } else {
      n.status = NominationStatus.PENDING;
    }
    return n;
  }

  /** The nominee accepts a nomination by someone else, with their own statement if they like. */
  public void accept(String newStatement, Instant now) {
    requireStatus(NominationStatus.PENDING);
    if (newStatement != null) {
      String text = newStatement.strip();
      if (text.length() > MAX_STATEMENT) {
        throw DomainException.invalid(
            "statement", "must be at most " + MAX_STATEMENT + " characters");
      }
      statement = text;
    }
    status = NominationStatus.ACCEPTED;
    acceptedAt = now;
  }

  public void decline() {
    requireStatus(NominationStatus.PENDING);
    status = NominationStatus.DECLINED;
  }

  public void withdraw() {
    if (status != NominationStatus.ACCEPTED && status != NominationStatus.PENDING) {
      throw transition("withdraw");
    }
    status = NominationStatus.WITHDRAWN;
  }

  public void displace(String reason) {
    requireStatus(NominationStatus.ACCEPTED);
    status = NominationStatus.DISPLACED;
    statusReason = reason;
  }

  public boolean standing() {
    return status == NominationStatus.ACCEPTED;
  }

  private void requireStatus(NominationStatus wanted) {
    if (status != wanted) {
      throw transition(wanted == NominationStatus.PENDING ? "answer" : "change");
    }
  }

  private DomainException transition(String what) {
    return DomainException.conflict(
        "invalid-transition",
        "Nomination is " + status.wireName(),
        "Cannot " + what + " a nomination that is " + status.wireName() + ".");
  }

  public long id() {
    return id;
  }

  public long roundId() {
    return roundId;
  }

  public MemberId nominee() {
    return new MemberId(nomineeId);
  }

  public MemberId nominatedBy() {
    return new MemberId(nominatedBy);
  }

  public NominationStatus status() {
    return status;
  }

  public Optional<String> statusReason() {
    return Optional.ofNullable(statusReason);
  }

  public String statement() {
    return statement;
  }

  public String memberType() {
    return memberType;
  }

  public String region() {
    return region;
  }

  public String deviceLine() {
    return deviceLine;
  }

  public int activity() {
    return activity;
  }

  public long endorsements() {
    return endorsements;
  }

  public Optional<Integer> ballotPosition() {
    return Optional.ofNullable(ballotPosition);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> acceptedAt() {
    return Optional.ofNullable(acceptedAt);
  }
}
