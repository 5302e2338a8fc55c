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
import org.tribune.platform.entity.InstantColumn;

/**
 * "Did this solve it?" — the question a voter of an idea gets when a build ships it. The member may
 * answer yes or no and change the answer; enough yes answers verify the idea.
 */
@Entity
@Table(name = "ship_prompt")
public class ShipPrompt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "member_id", nullable = false)
  private long memberId;

  @Column(name = "idea_id", nullable = false)
  private long ideaId;

  @Column(name = "build_id", nullable = false)
  private long buildId;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column private Boolean solved;

  @Convert(converter = InstantColumn.class)
  @Column(name = "answered_at")
  private Instant answeredAt;

  protected ShipPrompt() {}

  public ShipPrompt(MemberId voter, long ideaId, long buildId, Instant now) {
    this.memberId = voter.value();
    this.ideaId = ideaId;
    this.buildId = buildId;
    this.createdAt = now;
  }

  public boolean belongsTo(MemberId member) {
    return memberId == member.value();
  }

  public void answer(boolean solved, Instant now) {
    this.solved = solved;
    this.answeredAt = now;
  }

  public Long id() {
    return id;
  }

  public long ideaId() {
    return ideaId;
  }

  public long buildId() {
    return buildId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Boolean solved() {
    return solved;
  }

  public Instant answeredAt() {
    return answeredAt;
  }
}
