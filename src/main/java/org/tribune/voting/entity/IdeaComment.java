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

/**
 * A member's comment on an idea. Comments are not part of the idea aggregate: an idea can gather
 * thousands, and none of the idea's rules depend on them.
 */
@Entity
@Table(name = "idea_comment")
public class IdeaComment {

  public static final int MAX_BODY = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idea_id", nullable = false)
  private long ideaId;

  @Column(name = "author_id", nullable = false)
  private long authorId;

  @Column(nullable = false)
  private String body;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected IdeaComment() {}

  public IdeaComment(long ideaId, MemberId author, String body, Instant createdAt) {
    this.ideaId = ideaId;
    this.authorId = author.value();
    this.body = IdeaText.checked("body", body, 1, MAX_BODY);
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public long ideaId() {
    return ideaId;
  }

  public MemberId author() {
    return new MemberId(authorId);
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
