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

/**
 * Text the author appends once the idea's own text is frozen by its first vote: voters keep seeing
 * what they voted for, and the author can still explain.
 */
@Entity
@Table(name = "idea_clarification")
public class Clarification {

  public static final int MAX_BODY = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "idea_id")
  private Idea idea;

  @Column(name = "author_id", nullable = false)
  private long authorId;

  @Column(nullable = false)
  private String body;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Clarification() {}

  Clarification(Idea idea, MemberId author, String body, Instant createdAt) {
    this.idea = idea;
    this.authorId = author.value();
    this.body = IdeaText.checked("body", body, 1, MAX_BODY);
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
