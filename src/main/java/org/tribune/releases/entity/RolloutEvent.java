package org.tribune.releases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.InstantColumn;

/** A halt or resume of a build's rollout; no actor when the bad-build rule halted it. */
@Entity
@Table(name = "rollout_event")
public class RolloutEvent {

  public static final String HALT = "halt";
  public static final String RESUME = "resume";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "build_id")
  private Build build;

  @Column(nullable = false)
  private String kind;

  @Convert(converter = InstantColumn.class)
  @Column(name = "happened_at", nullable = false)
  private Instant happenedAt;

  @Column(nullable = false)
  private String reason;

  @Column(name = "actor_id")
  private Long actorId;

  protected RolloutEvent() {}

  RolloutEvent(Build build, String kind, Instant at, String reason, MemberId actor) {
    this.build = build;
    this.kind = kind;
    this.happenedAt = at;
    this.reason = reason;
    this.actorId = actor == null ? null : actor.value();
  }

  public boolean halt() {
    return HALT.equals(kind);
  }

  public String kind() {
    return kind;
  }

  public Instant at() {
    return happenedAt;
  }

  public String reason() {
    return reason;
  }

  public Long actorId() {
    return actorId;
  }
}
