package org.tribune.qa.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribune.ledger.boundary.ResponseLedger;
import org.tribune.qa.entity.Answer;
import org.tribune.qa.entity.Department;
import org.tribune.qa.entity.ImprovementPlan;
import org.tribune.qa.entity.Inquiry;
import org.tribune.qa.entity.InquiryEvent;
import org.tribune.qa.entity.Wire;

/**
 * Appends the public events of the Q&amp;A sessions to the response ledger, inside the caller's
 * transaction, so an event is in the ledger exactly when it is committed. Entries name inquiries by
 * reference and departments by name, and carry no member ids or emails: everything here is public
 * forever. An answer's text is in its entry (and always its SHA-256, so a long text that does not
 * fit a leaf can still be checked).
 *
 * <p>Entry types: {@code inquiry.submitted}, {@code inquiry.triaged} (decision admitted, rejected,
 * merged or clarification_requested), {@code inquiry.clarified} (the clock restarts), {@code
 * inquiry.assigned}, {@code inquiry.transfer_requested}, {@code inquiry.transfer_declined}, {@code
 * inquiry.transferred}, {@code inquiry.holding_answer}, {@code inquiry.answered}, {@code
 * inquiry.scheduled}, {@code answer.published}, {@code inquiry.discussed}, {@code
 * answer.classified}, {@code inquiry.revision_requested}, {@code answer.corrected}, {@code
 * plan.created}, {@code plan.milestone}, {@code plan.completed}, {@code inquiry.withdrawn}.
 *
 * <p>Every event an inquiry's public history shows is a leaf; the draft of an answer is not, and
 * {@code inquiry.answered} (the lead approved an answer) carries neither the text, nor its hash,
 * nor its outcome class: an answer held for the session stays unknown until {@code
 * answer.published}, but the day it was given counts for timeliness and is public.
 */
@ApplicationScoped
public class PublicRecord {

  /** Above this many UTF-8 bytes an answer's text is left out of its entry; the hash stays. */
  static final int MAX_TEXT_BYTES = 12_000;

  @Inject ResponseLedger ledger;
  @Inject QaCatalog catalog;

  /** Appends an inquiry event when it is public; returns the leaf index or null. */
  public Long inquiryEvent(Inquiry inquiry, InquiryEvent event, Department department) {
    return inquiryEvent(inquiry, event, department, null);
  }

  /**
   * Appends an inquiry event when it is public; {@code other} is the other department of a transfer
   * (the receiving one of a request or a refusal, the sending one of an accepted transfer).
   */
  public Long inquiryEvent(
      Inquiry inquiry, InquiryEvent event, Department department, Department other) {
    String type =
        switch (event.type()) {
          case "submitted" -> "inquiry.submitted";
          case "triaged", "rejected", "merged", "clarification_requested" -> "inquiry.triaged";
          case "clarified" -> "inquiry.clarified";
          case "assigned" -> "inquiry.assigned";
          case "transfer_requested" -> "inquiry.transfer_requested";
          case "transfer_declined" -> "inquiry.transfer_declined";
          case "transferred" -> "inquiry.transferred";
          case "answered" -> "inquiry.answered";
          case "scheduled" -> "inquiry.scheduled";
          case "discussed" -> "inquiry.discussed";
          case "classified" -> "answer.classified";
          case "revision_requested" -> "inquiry.revision_requested";
          case "withdrawn" -> inquiry.reference() == null ? null : "inquiry.withdrawn";
          default -> null;
        };
    if (type == null) {
      return null;
    }
    Map<String, Object> fields = inquiryFields(inquiry, department);
    switch (event.type()) {
      case "submitted" -> {
        fields.put("heading", inquiry.heading());
        fields.put("kind", Wire.of(inquiry.kind()));
        List<Map<String, Object>> files = new ArrayList<>();
        for (InquiryView.AttachmentView a : catalog.attachments(inquiry.id())) {
          Map<String, Object> file = new LinkedHashMap<>();
          file.put("name", a.fileName());
          file.put("type", a.contentType());
          file.put("size", a.size());
          file.put("sha256", a.sha256());
          files.add(file);
        }
        if (!files.isEmpty()) {
          fields.put("attachments", files);
        }
      }
      case "triaged" -> fields.put("decision", "admitted");
      case "rejected" -> {
        fields.put("decision", "rejected");
        fields.put("reasonCode", Wire.of(inquiry.reasonCode()));
      }
      case "merged" -> fields.put("decision", "merged");
      case "clarification_requested" -> fields.put("decision", "clarification_requested");
      case "assigned" -> {
        fields.put("dueDate", inquiry.dueOn());
        fields.put("priorityDate", inquiry.priorityOn());
      }
      case "clarified" -> fields.put("clockStarted", inquiry.clockStartedOn());
      case "transfer_requested", "transfer_declined" ->
          fields.put("to", other == null ? null : other.name());
      case "transferred" -> fields.put("from", other == null ? null : other.name());
      case "scheduled" -> fields.put("agendaItem", inquiry.agendaPosition());
      case "classified" -> fields.put("satisfaction", Wire.of(inquiry.satisfaction()));
      default -> {}
    }
    if (event.type().equals("merged")) {
      fields.put("detail", event.detail());
    }
    long index = ledger.append(type, fields);
    event.recordedInLedger(index);
    return index;
  }

  /** A holding answer, a published answer or a correction. */
  public long answer(Inquiry inquiry, Answer answer, Department department, InquiryEvent event) {
    String type =
        switch (answer.kind()) {
          case HOLDING -> "inquiry.holding_answer";
          case CORRECTION -> "answer.corrected";
          case ANSWER -> "answer.published";
        };
    Map<String, Object> fields = inquiryFields(inquiry, department);
    fields.put("answerId", answer.id());
    if (answer.outcome() != null) {
      fields.put("outcome", Wire.of(answer.outcome()));
    }
    if (answer.corrects() != null) {
      fields.put("corrects", answer.corrects());
    }
    fields.put("textSha256", sha256(answer.body()));
    if (answer.body().getBytes(StandardCharsets.UTF_8).length <= MAX_TEXT_BYTES) {
      fields.put("text", answer.body());
    }
    long index = ledger.append(type, fields);
    answer.recordedInLedger(index);
    if (event != null) {
      event.recordedInLedger(index);
    }
    return index;
  }

  public long plan(String type, ImprovementPlan plan, Department department, String note) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("plan", plan.id());
    fields.put("title", plan.title());
    fields.put("department", department.name());
    fields.put("state", Wire.of(plan.status()));
    fields.put("dueDate", plan.dueOn());
    if (plan.parentId() != null) {
      fields.put("parent", plan.parentId());
    }
    if (!plan.inquiries().isEmpty()) {
      fields.put("inquiries", plan.inquiries().stream().sorted().toList());
    }
    if (note != null) {
      fields.put("note", note);
    }
    return ledger.append(type, fields);
  }

  private static Map<String, Object> inquiryFields(Inquiry inquiry, Department department) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("inquiry", inquiry.reference());
    fields.put("inquiryId", inquiry.id());
    fields.put("session", inquiry.sessionId());
    fields.put("state", inquiry.state().wire());
    fields.put("department", department == null ? null : department.name());
    return fields;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
