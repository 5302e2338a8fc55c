package org.tribune.voting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.InstantColumn;

/**
 * A member's report that an idea should not be shown. The primary key makes it one flag per member
 * per idea, so "N flags" always means N different members.
 */
@Entity
@Table(name = "idea_flag")
@IdClass(MemberIdeaKey.class)
public class IdeaFlag {

  public static final int MAX_REASON = 500;

  @Id
  @Column(name = "member_id")
  private long memberId;

  @Id
  @Column(name = "idea_id")
  private long ideaId;

  @Column(nullable = false)
  private String reason;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  protected IdeaFlag() {}

  public IdeaFlag(MemberId member, long ideaId, String reason, Instant createdAt) {
    this.memberId = member.value();
    this.ideaId = ideaId;
    this.reason = IdeaText.checked("reason", reason, 1, MAX_REASON);
    this.createdAt = createdAt;
  }

  public static MemberIdeaKey key(MemberId member, long ideaId) {
    return new MemberIdeaKey(member.value(), ideaId);
  }

  /** A moderator has decided on the idea; this flag no longer counts towards hiding it. */
  public void markReviewed(Instant at) {
    if (reviewedAt == null) {
      reviewedAt = at;
    }
  }

  public MemberId member() {
    return new MemberId(memberId);
  }

  public long ideaId() {
    return ideaId;
  }

  public String reason() {
    return reason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public boolean pendingReview() {
    return reviewedAt == null;
  }
}
