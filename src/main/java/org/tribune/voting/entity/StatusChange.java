package org.tribune.voting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.InstantColumn;

/** One step of an idea's public history: from, to, why, who and when. Never changed later. */
@Entity
@Table(name = "idea_status_change")
public class StatusChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "idea_id")
  private Idea idea;

  @Convert(converter = IdeaStatusColumn.class)
  @Column(name = "from_status")
  private IdeaStatus from;

  @Convert(converter = IdeaStatusColumn.class)
  @Column(name = "to_status", nullable = false)
  private IdeaStatus to;

  @Column(nullable = false)
  private String reason;

  @Column(name = "actor_id", nullable = false)
  private long actorId;

  @Convert(converter = InstantColumn.class)
  @Column(name = "changed_at", nullable = false)
  private Instant at;

  protected StatusChange() {}

  StatusChange(
      Idea idea, IdeaStatus from, IdeaStatus to, String reason, MemberId actor, Instant at) {
    this.idea = idea;
    this.from = from;
    this.to = to;
    this.reason = reason;
    this.actorId = actor.value();
    this.at = at;
  }

  public Long id() {
    return id;
  }

  /** Null for the first entry, the submission. */
  public IdeaStatus from() {
    return from;
  }

  public IdeaStatus to() {
    return to;
  }

  public String reason() {
    return reason;
  }

  public MemberId actor() {
    return new MemberId(actorId);
  }

  public Instant at() {
    return at;
  }
}
