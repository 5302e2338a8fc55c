package org.tribune.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A department's written reply to an inquiry: a full {@link AnswerKind#ANSWER} (drafted by a
 * responder, approved by the lead, then published), a {@link AnswerKind#HOLDING} answer (interim,
 * published when written) or a {@link AnswerKind#CORRECTION} appended to a published answer.
 * Published text is never edited: the draft may change until the lead approves it, and after that
 * only a correction can add to it.
 */
@Entity
@Table(name = "qa_answer")
public class Answer {

  public static final int MAX_BODY = 8000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "inquiry_id", nullable = false)
  private long inquiryId;

  @Column(name = "department_id", nullable = false)
  private long departmentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AnswerKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AnswerStatus status;

  @Column(nullable = false)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column
  private OutcomeClass outcome;

  @Column private Long corrects;

  @Column(name = "drafted_by", nullable = false)
  private long draftedBy;

  @Convert(converter = InstantColumn.class)
  @Column(name = "drafted_at", nullable = false)
  private Instant draftedAt;

  @Column(name = "approved_by")
  private Long approvedBy;

  @Convert(converter = InstantColumn.class)
  @Column(name = "approved_at")
  private Instant approvedAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "ledger_index")
  private Long ledgerIndex;

  @Version private long version;

  protected Answer() {}

  private Answer(
      long inquiryId,
      long departmentId,
      AnswerKind kind,
      String body,
      OutcomeClass outcome,
      Long corrects,
      MemberId author,
      Instant now) {
    this.inquiryId = inquiryId;
    this.departmentId = departmentId;
    this.kind = kind;
    this.status = AnswerStatus.DRAFT;
    this.body = body(body);
    this.outcome = outcome;
    this.corrects = corrects;
    this.draftedBy = author.value();
    this.draftedAt = now;
  }

  public static Answer draft(
      long inquiryId,
      long departmentId,
      String body,
      OutcomeClass outcome,
      MemberId responder,
      Instant now) {
    if (outcome == null) {
      throw DomainException.invalid("outcome", "is required");
    }
    return new Answer(
        inquiryId, departmentId, AnswerKind.ANSWER, body, outcome, null, responder, now);
  }

  public static Answer holding(
      long inquiryId, long departmentId, String body, MemberId responder, Instant now) {
    Answer answer =
        new Answer(inquiryId, departmentId, AnswerKind.HOLDING, body, null, null, responder, now);
    answer.publish(now);
    return answer;
  }

  /** A correction of a published answer, by the department lead; published when written. */
  public static Answer correction(Answer of, String body, MemberId lead, Instant now) {
    if (of.status != AnswerStatus.PUBLISHED || of.kind != AnswerKind.ANSWER) {
      throw DomainException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "Only a published answer can be corrected.");
    }
    Answer correction =
        new Answer(
            of.inquiryId, of.departmentId, AnswerKind.CORRECTION, body, null, of.id, lead, now);
    correction.approvedBy = lead.value();
    correction.approvedAt = now;
    correction.publish(now);
    return correction;
  }

  /** Changes a draft; an approved or published answer is never edited. */
  public void revise(String body, OutcomeClass outcome, MemberId responder, Instant now) {
    requireDraft();
    this.body = body(body);
    if (outcome != null) {
      this.outcome = outcome;
    }
    this.draftedBy = responder.value();
    this.draftedAt = now;
  }

  public void approve(MemberId lead, Instant now) {
    requireDraft();
    status = AnswerStatus.APPROVED;
    approvedBy = lead.value();
    approvedAt = now;
  }

  public void publish(Instant now) {
    if (status == AnswerStatus.PUBLISHED) {
      return;
    }
    status = AnswerStatus.PUBLISHED;
    publishedAt = now;
  }

  public void recordedInLedger(long index) {
    if (ledgerIndex == null) {
      ledgerIndex = index;
    }
  }

  private void requireDraft() {
    if (status != AnswerStatus.DRAFT) {
      throw DomainException.conflict(
          "answer-not-draft",
          "Answer already approved",
          "Answer " + id + " is " + Wire.of(status) + "; append a correction instead.");
    }
  }

  private static String body(String body) {
    if (body == null || body.isBlank()) {
      throw DomainException.invalid("text", "is required");
    }
    if (body.strip().length() > MAX_BODY) {
      throw DomainException.invalid("text", "must be at most " + MAX_BODY + " characters");
    }
    return body.strip();
  }

  public Long id() {
    return id;
  }

  public long inquiryId() {
    return inquiryId;
  }

  public long departmentId() {
    return departmentId;
  }

  public AnswerKind kind() {
    return kind;
  }

  public AnswerStatus status() {
    return status;
  }

  public String body() {
    return body;
  }

  public OutcomeClass outcome() {
    return outcome;
  }

  public Long corrects() {
    return corrects;
  }

  public MemberId draftedBy() {
    return new MemberId(draftedBy);
  }

  public Instant draftedAt() {
    return draftedAt;
  }

  public MemberId approvedBy() {
    return approvedBy == null ? null : new MemberId(approvedBy);
  }

  public Instant approvedAt() {
    return approvedAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Long ledgerIndex() {
    return ledgerIndex;
  }
}
