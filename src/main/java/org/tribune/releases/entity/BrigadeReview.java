package org.tribune.releases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A community manager's decision on a flagged rating day: a brigade (its ratings leave the score,
 * stay visible, with this note) or genuine.
 */
@Entity
@Table(name = "brigade_review")
public class BrigadeReview {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "build_id", nullable = false)
  private long buildId;

  @Column(name = "rated_day", nullable = false)
  private LocalDate ratedDay;

  @Column(nullable = false)
  private String decision;

  @Column(nullable = false)
  private String note;

  @Column(name = "actor_id", nullable = false)
  private long actorId;

  @Convert(converter = InstantColumn.class)
  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected BrigadeReview() {}

  public BrigadeReview(
      long buildId, LocalDate day, boolean brigade, String note, MemberId actor, Instant now) {
    if (note == null || note.isBlank() || note.strip().length() > 1000) {
      throw DomainException.invalid("note", "is required, at most 1000 characters");
    }
    this.buildId = buildId;
    this.ratedDay = day;
    this.decision = brigade ? "brigade" : "genuine";
    this.note = note.strip();
    this.actorId = actor.value();
    this.decidedAt = now;
  }

  public boolean brigade() {
    return "brigade".equals(decision);
  }

  public LocalDate day() {
    return ratedDay;
  }

  public String decision() {
    return decision;
  }

  public String note() {
    return note;
  }

  public Instant decidedAt() {
    return decidedAt;
  }
}
