package org.tribune.voting.entity;

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

/** The log of a merge: which idea went into which, and how many votes moved or were refunded. */
@Entity
@Table(name = "idea_merge")
public class IdeaMerge {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "from_idea", nullable = false)
  private long fromIdea;

  @Column(name = "into_idea", nullable = false)
  private long intoIdea;

  @Column(name = "moved_votes", nullable = false)
  private long movedVotes;

  @Column(name = "dropped_votes", nullable = false)
  private long droppedVotes;

  @Column(nullable = false)
  private String reason;

  @Column(name = "actor_id", nullable = false)
  private long actorId;

  @Convert(converter = InstantColumn.class)
  @Column(name = "merged_at", nullable = false)
  private Instant mergedAt;

  protected IdeaMerge() {}

  public IdeaMerge(
      long fromIdea,
      long intoIdea,
      long movedVotes,
      long droppedVotes,
      String reason,
      MemberId actor,
      Instant mergedAt) {
    this.fromIdea = fromIdea;
    this.intoIdea = intoIdea;
    this.movedVotes = movedVotes;
    this.droppedVotes = droppedVotes;
    this.reason = reason;
    this.actorId = actor.value();
    this.mergedAt = mergedAt;
  }

  public long movedVotes() {
    return movedVotes;
  }

  public long droppedVotes() {
    return droppedVotes;
  }
}
