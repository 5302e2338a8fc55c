package org.tribune.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * The four instants that divide a round into phases: nomination opens, nomination closes (and
 * endorsement opens), endorsement closes (and voting or the draw opens), voting closes. Each phase
 * runs from its start (inclusive) to its end (exclusive), so at any instant exactly one phase
 * holds. A manager may end the running phase early ({@link #advancedAt}); nothing can move a
 * boundary that has passed, so a phase never reopens.
 */
@Embeddable
public class RoundTimeline {

  @Convert(converter = InstantColumn.class)
  @Column(name = "nomination_opens_at", nullable = false)
  private Instant nominationOpensAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "nomination_closes_at", nullable = false)
  private Instant nominationClosesAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "endorsement_closes_at", nullable = false)
  private Instant endorsementClosesAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "voting_closes_at", nullable = false)
  private Instant votingClosesAt;

  protected RoundTimeline() {}

  public RoundTimeline(
      Instant nominationOpensAt,
      Instant nominationClosesAt,
      Instant endorsementClosesAt,
      Instant votingClosesAt) {
    if (nominationOpensAt == null
        || nominationClosesAt == null
        || endorsementClosesAt == null
        || votingClosesAt == null) {
      throw DomainException.invalid("timeline", "needs all four instants");
    }
    if (!nominationOpensAt.isBefore(nominationClosesAt)
        || !nominationClosesAt.isBefore(endorsementClosesAt)
        || !endorsementClosesAt.isBefore(votingClosesAt)) {
      throw DomainException.invalid(
          "timeline",
          "must run forward: nomination opens < nomination closes < endorsement closes < voting"
              + " closes");
    }
    this.nominationOpensAt = nominationOpensAt;
    this.nominationClosesAt = nominationClosesAt;
    this.endorsementClosesAt = endorsementClosesAt;
    this.votingClosesAt = votingClosesAt;
  }

  /** The phase the timeline alone gives at {@code now} (UPCOMING up to COUNTING). */
  public RoundPhase phaseAt(Instant now) {
    if (now.isBefore(nominationOpensAt)) {
      return RoundPhase.UPCOMING;
    }
    if (now.isBefore(nominationClosesAt)) {
      return RoundPhase.NOMINATION;
    }
    if (now.isBefore(endorsementClosesAt)) {
      return RoundPhase.ENDORSEMENT;
    }
    if (now.isBefore(votingClosesAt)) {
      return RoundPhase.VOTING;
    }
    return RoundPhase.COUNTING;
  }

  /**
   * The timeline with the phase running at {@code now} ended at {@code now}, so the next one runs.
   * Later boundaries stay where they are (they are all after {@code now}).
   */
  public RoundTimeline advancedAt(Instant now) {
    return switch (phaseAt(now)) {
      case UPCOMING ->
          new RoundTimeline(now, nominationClosesAt, endorsementClosesAt, votingClosesAt);
      case NOMINATION ->
          new RoundTimeline(nominationOpensAt, now, endorsementClosesAt, votingClosesAt);
      case ENDORSEMENT ->
          new RoundTimeline(nominationOpensAt, nominationClosesAt, now, votingClosesAt);
      case VOTING ->
          new RoundTimeline(nominationOpensAt, nominationClosesAt, endorsementClosesAt, now);
      default ->
          throw DomainException.conflict(
              "invalid-transition", "Nothing to advance", "Voting has already closed.");
    };
  }

  public Instant nominationOpensAt() {
    return nominationOpensAt;
  }

  public Instant nominationClosesAt() {
    return nominationClosesAt;
  }

  public Instant endorsementClosesAt() {
    return endorsementClosesAt;
  }

  public Instant votingClosesAt() {
    return votingClosesAt;
  }
}
