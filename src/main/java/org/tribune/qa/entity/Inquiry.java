package org.tribune.qa.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A delegate's inquiry to the company, the aggregate root of the Q&amp;A sessions.
 *
 * <p>Life cycle: {@link InquiryLifecycle}. A delegate drafts and submits it (it gets a reference
 * number and its clock starts); a community manager triages it (admits, rejects with a published
 * reason code, merges it into a related inquiry, or asks for a clarification, which restarts the
 * clock); admitted, it is assigned to a department with a due date in that department's working
 * days and an optional priority date; the department answers, its lead approves, and the answer is
 * published at once or in the session. After publication the delegate classifies the answer and may
 * request a revision, which reassigns it with a fresh clock.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Every change is an {@link InquiryEvent} in {@link #history()}; nothing is overwritten
 *       without one, and a withdrawn, rejected or merged inquiry stays visible.
 *   <li>A transfer is a request until the receiving department accepts it: until then the first
 *       department stays responsible ({@link #departmentId()}), and may answer.
 *   <li>Overdue is derived ({@link #lateness}), never stored.
 *   <li>Only the author classifies, requests revisions or withdraws.
 * </ul>
 */
@Entity
@Table(name = "qa_inquiry")
public class Inquiry {

  public static final int MIN_HEADING = 5;
  public static final int MAX_HEADING = 200;
  public static final int MAX_BODY = 8000;
  public static final int MAX_INTEREST = 1000;
  public static final int MAX_LINKS = 5;
  public static final int MAX_DETAIL = 2000;
  public static final int MAX_COSIGNERS = 20;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column private String reference;

  @Column(name = "session_id", nullable = false)
  private long sessionId;

  @Column(name = "author_id", nullable = false)
  private long authorId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private InquiryKind kind;

  @Column(nullable = false)
  private String heading;

  @Column(nullable = false)
  private String body;

  @Column(nullable = false)
  private String interest;

  @Column private String links;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private InquiryState state;

  @Column(name = "department_id")
  private Long departmentId;

  @Column(name = "transfer_to")
  private Long transferTo;

  @Column(name = "clock_started_on")
  private LocalDate clockStartedOn;

  @Column(name = "due_on")
  private LocalDate dueOn;

  @Column(name = "priority_on")
  private LocalDate priorityOn;

  @Column(name = "merged_into")
  private Long mergedInto;

  @Enumerated(EnumType.STRING)
  @Column(name = "reason_code")
  private ReasonCode reasonCode;

  @Enumerated(EnumType.STRING)
  @Column
  private Satisfaction satisfaction;

  @Column(name = "agenda_position")
  private Integer agendaPosition;

  @Convert(converter = InstantColumn.class)
  @Column(name = "discussed_at")
  private Instant discussedAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "qa_inquiry_cosigner", joinColumns = @JoinColumn(name = "inquiry_id"))
  @Column(name = "member_id")
  private Set<Long> cosigners = new HashSet<>();

  @OneToMany(mappedBy = "inquiry", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<InquiryEvent> history = new ArrayList<>();

  protected Inquiry() {}

  private Inquiry(
      long sessionId,
      MemberId author,
      InquiryKind kind,
      String heading,
      String body,
      String interest,
      List<String> links,
      Collection<MemberId> cosigners,
      Instant now) {
    this.sessionId = sessionId;
    this.authorId = author.value();
    this.kind = kind;
    this.heading = text("heading", heading, MIN_HEADING, MAX_HEADING);
    this.body = text("text", body, 1, MAX_BODY);
    this.interest = text("interest", interest, 1, MAX_INTEREST);
    this.links = links(links);
    if (cosigners.size() > MAX_COSIGNERS) {
      throw DomainException.invalid("cosigners", "at most " + MAX_COSIGNERS);
    }
    for (MemberId cosigner : cosigners) {
      if (cosigner.value() == authorId) {
        throw DomainException.invalid("cosigners", "the author cannot co-sign their own inquiry");
      }
      this.cosigners.add(cosigner.value());
    }
    this.state = InquiryState.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A delegate's draft; nobody else sees it until it is submitted. */
  public static Inquiry draft(
      long sessionId,
      MemberId author,
      InquiryKind kind,
      String heading,
      String body,
      String interest,
      List<String> links,
      Collection<MemberId> cosigners,
      Instant now) {
    return new Inquiry(sessionId, author, kind, heading, body, interest, links, cosigners, now);
  }

  /** Files the draft; the caller then gives it its reference with {@link #numbered}. */
  public InquiryEvent submit(MemberId actor, Instant now) {
    requireAuthor(actor, "submit");
    InquiryLifecycle.check(state, InquiryState.SUBMITTED);
    clockStartedOn = day(now);
    return move(InquiryState.SUBMITTED, "submitted", actor, null, now);
  }

  /** The public reference number, e.g. {@code Q2026-00042}; set once, after the id exists. */
  public void numbered(Instant now) {
    if (reference == null) {
      reference = String.format("Q%d-%05d", day(now).getYear(), id);
    }
  }

  public InquiryEvent admit(MemberId manager, Instant now) {
    return move(InquiryState.TRIAGED, "triaged", manager, "admitted", now);
  }

  public InquiryEvent reject(MemberId manager, ReasonCode code, String note, Instant now) {
    InquiryLifecycle.check(state, InquiryState.REJECTED);
    reasonCode = code;
    return move(
        InquiryState.REJECTED,
        "rejected",
        manager,
        Wire.of(code) + optional(detail("note", note)),
        now);
  }

  /** Groups this inquiry with a related one: the other's answer answers both. */
  public InquiryEvent mergeInto(Inquiry target, MemberId manager, Instant now) {
    if (target == this || (id != null && id.equals(target.id))) {
      throw DomainException.unprocessable(
          "merge-into-self", "Merge into itself", "An inquiry cannot be merged into itself.");
    }
    InquiryLifecycle.check(state, InquiryState.MERGED);
    if (target.sessionId != sessionId || !target.state.isPublic() || target.state.closedEarly()) {
      throw DomainException.conflict(
          "merge-target-invalid",
          "Merge target invalid",
          "Inquiry "
              + target.id
              + " is "
              + target.state.wire()
              + " or in another session; merge into an open inquiry of the same session.");
    }
    mergedInto = target.id;
    return move(InquiryState.MERGED, "merged", manager, "into " + target.reference, now);
  }

  public InquiryEvent requestClarification(MemberId manager, String question, Instant now) {
    return move(
        InquiryState.CLARIFICATION_REQUESTED,
        "clarification_requested",
        manager,
        detail("question", question),
        now);
  }

  /** The author's clarification; it returns the inquiry to triage and restarts the clock. */
  public InquiryEvent clarify(MemberId author, String clarification, Instant now) {
    requireAuthor(author, "clarify");
    InquiryLifecycle.check(state, InquiryState.SUBMITTED);
    String text = detail("clarification", clarification);
    clockStartedOn = day(now);
    return move(InquiryState.SUBMITTED, "clarified", author, text, now);
  }

  /**
   * Assigns the admitted inquiry to a department. The due date counts {@code workingDays} of the
   * department's calendar from the day the clock started (submission or clarification).
   */
  public InquiryEvent assign(
      Department department, int workingDays, LocalDate priorityOn, MemberId manager, Instant now) {
    InquiryLifecycle.check(state, InquiryState.ASSIGNED);
    if (workingDays < 1 || workingDays > 60) {
      throw DomainException.invalid("workingDays", "must be 1–60");
    }
    if (priorityOn != null && priorityOn.isBefore(day(now))) {
      throw DomainException.invalid("priorityDate", "must not be in the past");
    }
    departmentId = department.id();
    transferTo = null;
    dueOn = department.calendar().plusWorkingDays(clockStartedOn, workingDays);
    this.priorityOn = priorityOn;
    return move(
        InquiryState.ASSIGNED,
        "assigned",
        manager,
        department.name()
            + ", due "
            + dueOn
            + (priorityOn == null ? "" : ", priority " + priorityOn),
        now);
  }

  /** Asks another department to take the inquiry over; this one stays responsible meanwhile. */
  public InquiryEvent requestTransfer(Department to, MemberId responder, Instant now) {
    requireAwaiting("transfer");
    if (to.id().equals(departmentId)) {
      throw DomainException.invalid("department", "is already responsible");
    }
    transferTo = to.id();
    return event("transfer_requested", responder, to.name(), now);
  }

  /** The receiving department accepts: from now on it is responsible, with the same due date. */
  public InquiryEvent acceptTransfer(Department receiving, MemberId responder, Instant now) {
    requireAwaiting("accept a transfer of");
    if (transferTo == null || !transferTo.equals(receiving.id())) {
      throw DomainException.conflict(
          "no-transfer-pending",
          "No transfer pending",
          "Inquiry " + reference + " is not being transferred to " + receiving.name() + ".");
    }
    departmentId = receiving.id();
    transferTo = null;
    return event("transferred", responder, receiving.name(), now);
  }

  public InquiryEvent declineTransfer(Department receiving, MemberId responder, Instant now) {
    if (transferTo == null || !transferTo.equals(receiving.id())) {
      throw DomainException.conflict(
          "no-transfer-pending",
          "No transfer pending",
          "Inquiry " + reference + " is not being transferred to " + receiving.name() + ".");
    }
    transferTo = null;
    return event("transfer_declined", responder, receiving.name(), now);
  }

  /** An interim reply; the inquiry still awaits its answer and the clock keeps running. */
  public InquiryEvent holdingAnswer(MemberId responder, Instant now) {
    requireAwaiting("give a holding answer to");
    return event("holding_answer", responder, null, now);
  }

  /** The department lead approved the answer. */
  public InquiryEvent answered(MemberId lead, Instant now) {
    return move(InquiryState.ANSWERED, "answered", lead, null, now);
  }

  public InquiryEvent schedule(int position, MemberId manager, Instant now) {
    if (state == InquiryState.PUBLISHED || state == InquiryState.SCHEDULED) {
      agendaPosition = position;
      return event("scheduled", manager, "item " + position, now);
    }
    InquiryLifecycle.check(state, InquiryState.SCHEDULED);
    agendaPosition = position;
    return move(InquiryState.SCHEDULED, "scheduled", manager, "item " + position, now);
  }

  /**
   * Discussed in the session. A held answer moves on to discussed (and is published when released);
   * an answer already published only gets the event.
   */
  public InquiryEvent discuss(MemberId manager, Instant now) {
    if (agendaPosition == null) {
      throw DomainException.conflict(
          "not-on-agenda", "Not on the agenda", "Inquiry " + reference + " is not on the agenda.");
    }
    if (discussedAt != null) {
      throw DomainException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "Inquiry " + reference + " was already discussed.");
    }
    discussedAt = now;
    if (state == InquiryState.PUBLISHED) {
      return event("discussed", manager, null, now);
    }
    return move(InquiryState.DISCUSSED, "discussed", manager, null, now);
  }

  public InquiryEvent publish(MemberId actor, Instant now) {
    return move(InquiryState.PUBLISHED, "published", actor, null, now);
  }

  public InquiryEvent classify(MemberId author, Satisfaction satisfaction, Instant now) {
    requireAuthor(author, "classify the answer to");
    requirePublished("classified");
    this.satisfaction = satisfaction;
    return event("classified", author, Wire.of(satisfaction), now);
  }

  /** The author asks for a better answer: the department owes one again, on a fresh clock. */
  public InquiryEvent requestRevision(
      MemberId author, String reason, Department department, int workingDays, Instant now) {
    requireAuthor(author, "request a revision of");
    InquiryLifecycle.check(state, InquiryState.ASSIGNED);
    String why = detail("reason", reason);
    clockStartedOn = day(now);
    dueOn = department.calendar().plusWorkingDays(clockStartedOn, workingDays);
    priorityOn = null;
    return move(InquiryState.ASSIGNED, "revision_requested", author, why, now);
  }

  public InquiryEvent corrected(MemberId lead, Instant now) {
    requirePublished("corrected");
    return event("corrected", lead, null, now);
  }

  public InquiryEvent withdraw(MemberId author, String reason, Instant now) {
    requireAuthor(author, "withdraw");
    return move(
        InquiryState.WITHDRAWN, "withdrawn", author, reason == null ? null : reason.strip(), now);
  }

  /** Overdue and very overdue, derived from the deadline and today. */
  public Lateness lateness(LocalDate today, WorkingCalendar calendar) {
    return Lateness.of(deadline(), state.awaitingAnswer(), today, calendar);
  }

  /** Overdue and very overdue, very overdue from {@code veryOverdueAfter} working days late. */
  public Lateness lateness(LocalDate today, WorkingCalendar calendar, int veryOverdueAfter) {
    return Lateness.of(deadline(), state.awaitingAnswer(), today, calendar, veryOverdueAfter);
  }

  /** The priority date when there is one, else the due date. */
  public LocalDate deadline() {
    return priorityOn != null ? priorityOn : dueOn;
  }

  public boolean isAuthor(MemberId member) {
    return member != null && member.value() == authorId;
  }

  private InquiryEvent move(
      InquiryState to, String type, MemberId actor, String detail, Instant now) {
    InquiryLifecycle.check(state, to);
    state = to;
    return event(type, actor, detail, now);
  }

  private InquiryEvent event(String type, MemberId actor, String detail, Instant now) {
    InquiryEvent event = new InquiryEvent(this, type, state, departmentId, actor, detail, now);
    history.add(event);
    updatedAt = now;
    return event;
  }

  /** Throws {@code 409 invalid-transition} unless the inquiry is still a draft. */
  public void requireDraft(String what) {
    if (state != InquiryState.DRAFT) {
      throw DomainException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "Inquiry "
              + reference
              + " is "
              + state.wire()
              + "; only the author of a draft can "
              + what
              + " it.");
    }
  }

  private void requireAwaiting(String what) {
    if (!state.awaitingAnswer()) {
      throw DomainException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "Inquiry "
              + reference
              + " is "
              + state.wire()
              + "; only an inquiry awaiting an answer can "
              + what
              + " it.");
    }
  }

  private void requirePublished(String what) {
    if (state != InquiryState.PUBLISHED) {
      throw DomainException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "Inquiry " + reference + " is " + state.wire() + "; only a published answer is " + what);
    }
  }

  private void requireAuthor(MemberId member, String action) {
    if (!isAuthor(member)) {
      throw DomainException.forbidden("Only the delegate who filed it may " + action + " it.");
    }
  }

  private static LocalDate day(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  private static String optional(String note) {
    return note == null ? "" : ": " + note;
  }

  private static String detail(String field, String text) {
    if (text == null || text.isBlank()) {
      if (field.equals("note")) {
        return null;
      }
      throw DomainException.invalid(field, "is required");
    }
    if (text.strip().length() > MAX_DETAIL) {
      throw DomainException.invalid(field, "must be at most " + MAX_DETAIL + " characters");
    }
    return text.strip();
  }

  private static String text(String field, String value, int min, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, "is required");
    }
    String stripped = value.strip();
    if (stripped.length() < min || stripped.length() > max) {
      throw DomainException.invalid(field, "must be " + min + "–" + max + " characters");
    }
    return stripped;
  }

  private static String links(List<String> links) {
    if (links == null || links.isEmpty()) {
      return null;
    }
    if (links.size() > MAX_LINKS) {
      throw DomainException.invalid("links", "at most " + MAX_LINKS);
    }
    for (String link : links) {
      URI uri;
      try {
        uri = URI.create(link == null ? "" : link.strip());
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid("links", "not a URL: " + link);
      }
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null || link.length() > 300) {
        throw DomainException.invalid(
            "links", "each must be an https URL of at most 300 characters");
      }
    }
    return String.join("\n", links.stream().map(String::strip).toList());
  }

  public Long id() {
    return id;
  }

  public String reference() {
    return reference;
  }

  public long sessionId() {
    return sessionId;
  }

  public MemberId author() {
    return new MemberId(authorId);
  }

  public InquiryKind kind() {
    return kind;
  }

  public String heading() {
    return heading;
  }

  public String body() {
    return body;
  }

  public String interest() {
    return interest;
  }

  public List<String> links() {
    return links == null ? List.of() : List.of(links.split("\n"));
  }

  public InquiryState state() {
    return state;
  }

  public Long departmentId() {
    return departmentId;
  }

  public Long transferTo() {
    return transferTo;
  }

  public LocalDate clockStartedOn() {
    return clockStartedOn;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public LocalDate priorityOn() {
    return priorityOn;
  }

  public Long mergedInto() {
    return mergedInto;
  }

  public ReasonCode reasonCode() {
    return reasonCode;
  }

  public Satisfaction satisfaction() {
    return satisfaction;
  }

  public Integer agendaPosition() {
    return agendaPosition;
  }

  public Instant discussedAt() {
    return discussedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Set<Long> cosigners() {
    return Set.copyOf(cosigners);
  }

  public List<InquiryEvent> history() {
    return Collections.unmodifiableList(history);
  }
}
