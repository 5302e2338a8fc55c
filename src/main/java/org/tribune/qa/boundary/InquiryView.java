package org.tribune.qa.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One inquiry as the API shows it (docs/api.md, "Q&amp;A"). {@code lateness} is derived at read
 * time. {@code answers} holds what is published (answers, holding answers, corrections) — for an
 * inquiry merged into another, the other's grouped answer; {@code draft} the answer awaiting the
 * lead's approval, shown only to the department and community managers.
 */
public record InquiryView(
    long id,
    String reference,
    Ref session,
    Ref author,
    String kind,
    String heading,
    String text,
    String interest,
    List<String> links,
    List<AttachmentView> attachments,
    List<Ref> cosigners,
    String state,
    Ref department,
    Ref transferTo,
    LocalDate clockStartedOn,
    LocalDate dueDate,
    LocalDate priorityDate,
    String lateness,
    String reasonCode,
    Long mergedInto,
    String satisfaction,
    Integer agendaPosition,
    Instant discussedAt,
    Instant createdAt,
    List<AnswerView> answers,
    AnswerView draft,
    List<EventView> history) {

  public record AnswerView(
      long id,
      long inquiryId,
      String kind,
      String status,
      String text,
      String outcome,
      Long corrects,
      Ref department,
      Ref draftedBy,
      Ref approvedBy,
      Instant publishedAt,
      Long ledgerIndex) {}

  /**
   * A file attached to the inquiry; its content is at {@code /qa/inquiries/{id}/attachments/{id}}.
   */
  public record AttachmentView(
      long id, String fileName, String contentType, long size, String sha256, Instant uploadedAt) {}

  public record EventView(
      String type,
      String state,
      Ref department,
      Ref actor,
      String detail,
      Long ledgerIndex,
      Instant at) {}
}
