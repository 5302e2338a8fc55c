package org.tribune.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A seat won in a round: the member serves as delegate from the count for the round's term. Recall
 * signatures are counted by the vote ingest; when they reach the round's threshold the delegation
 * is recalled and a new round for the seat begins.
 */
@Entity
@Table(name = "selection_delegate")
public class Delegation {

  /** Serving, recalled by petition, or its term ended. */
  public enum Status {
    SERVING,
    RECALLED,
    ENDED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "round_id", nullable = false)
  private long roundId;

  @Column(name = "member_id", nullable = false)
  private long memberId;

  @Column(name = "elected_order", nullable = false)
  private int electedOrder;

  @Column(name = "member_type", nullable = false)
  private String memberType;

  private String region;

  @Column(name = "device_line")
  private String deviceLine;

  @Convert(converter = InstantColumn.class)
  @Column(name = "term_starts_at", nullable = false)
  private Instant termStartsAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "term_ends_at", nullable = false)
  private Instant termEndsAt;

  @Column(nullable = false)
  private String status;

  @Column(name = "recall_signatures", nullable = false, updatable = false)
  private long recallSignatures;

  @Convert(converter = InstantColumn.class)
  @Column(name = "recalled_at")
  private Instant recalledAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "ended_at")
  private Instant endedAt;

  @Version private long version;

  protected Delegation() {}

  public Delegation(
      long roundId, Nomination winner, int electedOrder, Instant termStartsAt, Instant termEndsAt) {
    this.roundId = roundId;
    this.memberId = winner.nominee().value();
    this.electedOrder = electedOrder;
    this.memberType = winner.memberType();
    this.region = winner.region();
    this.deviceLine = winner.deviceLine();
    this.termStartsAt = termStartsAt;
    this.termEndsAt = termEndsAt;
    this.status = Status.SERVING.wireName();
  }

  /** Serving and within the term. */
  public boolean servingAt(Instant now) {
    return Status.SERVING.wireName().equals(status) && now.isBefore(termEndsAt);
  }

  public void recall(Instant now) {
    if (!Status.SERVING.wireName().equals(status)) {
      throw DomainException.conflict(
          "invalid-transition", "Not serving", "Delegation " + id + " is " + status + ".");
    }
    status = Status.RECALLED.wireName();
    recalledAt = now;
  }

  /** The term is over: the seat falls vacant. Only a serving delegation whose term has run out. */
  public void endTerm(Instant now) {
    if (!Status.SERVING.wireName().equals(status) || now.isBefore(termEndsAt)) {
      throw DomainException.conflict(
          "invalid-transition",
          "Term not over",
          "Delegation " + id + " is " + status + " until " + termEndsAt + ".");
    }
    status = Status.ENDED.wireName();
    endedAt = now;
  }

  /**
   * Shortens the term so that it ends at {@code now} (a resignation, or the manager's decision).
   */
  public void shortenTermTo(Instant now) {
    if (!Status.SERVING.wireName().equals(status)) {
      throw DomainException.conflict(
          "invalid-transition", "Not serving", "Delegation " + id + " is " + status + ".");
    }
    if (now.isBefore(termEndsAt)) {
      termEndsAt = now;
    }
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  public long id() {
    return id;
  }

  public long roundId() {
    return roundId;
  }

  public MemberId member() {
    return new MemberId(memberId);
  }

  public int electedOrder() {
    return electedOrder;
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

  public Instant termStartsAt() {
    return termStartsAt;
  }

  public Instant termEndsAt() {
    return termEndsAt;
  }

  public String status() {
    return status;
  }

  public long recallSignatures() {
    return recallSignatures;
  }

  public Optional<Instant> recalledAt() {
    return Optional.ofNullable(recalledAt);
  }
}
