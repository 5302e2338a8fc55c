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

/** A member follows an idea to hear about its progress. */
@Entity
@Table(name = "idea_follow")
@IdClass(MemberIdeaKey.class)
public class IdeaFollow {

  @Id
  @Column(name = "member_id")
  private long memberId;

  @Id
  @Column(name = "idea_id")
  private long ideaId;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected IdeaFollow() {}

  public IdeaFollow(MemberId member, long ideaId, Instant createdAt) {
    this.memberId = member.value();
    this.ideaId = ideaId;
    this.createdAt = createdAt;
  }

  public static MemberIdeaKey key(MemberId member, long ideaId) {
    return new MemberIdeaKey(member.value(), ideaId);
  }
}
