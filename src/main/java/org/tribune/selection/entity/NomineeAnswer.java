package org.tribune.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/** A nominee's answer to one questionnaire question; answering again replaces it. */
@Entity
@Table(name = "selection_answer")
@IdClass(NomineeAnswer.Key.class)
public class NomineeAnswer {

  public static final int MAX_LENGTH = 4000;

  @Id
  @Column(name = "nomination_id")
  private long nominationId;

  @Id
  @Column(name = "question_id")
  private long questionId;

  @Column(nullable = false)
  private String body;

  @Convert(converter = InstantColumn.class)
  @Column(name = "answered_at", nullable = false)
  private Instant answeredAt;

  protected NomineeAnswer() {}

  public NomineeAnswer(long nominationId, long questionId, String body, Instant now) {
    this.nominationId = nominationId;
    this.questionId = questionId;
    revise(body, now);
  }

  public void revise(String newBody, Instant now) {
    if (newBody == null || newBody.isBlank() || newBody.strip().length() > MAX_LENGTH) {
      throw DomainException.invalid("body", "is required, at most " + MAX_LENGTH + " characters");
    }
    body = newBody.strip();
    answeredAt = now;
  }

  public long nominationId() {
    return nominationId;
  }

  public long questionId() {
    return questionId;
  }

  public String body() {
    return body;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private long nominationId;
    private long questionId;

    public Key() {}

    public Key(long nominationId, long questionId) {
      this.nominationId = nominationId;
      this.questionId = questionId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.nominationId == nominationId && k.questionId == questionId;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(nominationId) * 31 + Long.hashCode(questionId);
    }
  }
}
