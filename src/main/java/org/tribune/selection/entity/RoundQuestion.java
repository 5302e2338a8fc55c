package org.tribune.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A question the community proposes for the nominees' questionnaire. Members upvote questions
 * (through the vote ingest, which keeps {@code upvotes}); nominees see them most upvoted first.
 */
@Entity
@Table(name = "selection_question")
public class RoundQuestion {

  public static final int MAX_LENGTH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "round_id", nullable = false)
  private long roundId;

  @Column(name = "author_id", nullable = false)
  private long authorId;

  @Column(nullable = false)
  private String body;

  @Column(nullable = false, updatable = false)
  private long upvotes;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RoundQuestion() {}

  public RoundQuestion(long roundId, MemberId author, String body, Instant now) {
    if (body == null || body.isBlank() || body.strip().length() > MAX_LENGTH) {
      throw DomainException.invalid("body", "is required, at most " + MAX_LENGTH + " characters");
    }
    this.roundId = roundId;
    this.authorId = author.value();
    this.body = body.strip();
    this.createdAt = now;
  }

  public long id() {
    return id;
  }

  public long roundId() {
    return roundId;
  }

  public MemberId author() {
    return new MemberId(authorId);
  }

  public String body() {
    return body;
  }

  public long upvotes() {
    return upvotes;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
