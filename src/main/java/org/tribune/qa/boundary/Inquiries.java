package org.tribune.qa.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.qa.control.Admissibility;
import org.tribune.qa.control.AttachmentPolicy;
import org.tribune.qa.control.RepeatFinder;
import org.tribune.qa.entity.Answer;
import org.tribune.qa.entity.AnswerKind;
import org.tribune.qa.entity.AnswerStatus;
import org.tribune.qa.entity.Attachment;
import org.tribune.qa.entity.Department;
import org.tribune.qa.entity.Inquiry;
import org.tribune.qa.entity.InquiryEvent;
import org.tribune.qa.entity.InquiryKind;
import org.tribune.qa.entity.InquiryState;
import org.tribune.qa.entity.LiveState;
import org.tribune.qa.entity.OutcomeClass;
import org.tribune.qa.entity.QaSession;
import org.tribune.qa.entity.ReasonCode;
import org.tribune.qa.entity.ReleaseMode;
import org.tribune.qa.entity.Satisfaction;

/**
 * Everything done with inquiries, one transaction per call: delegates file, clarify, withdraw,
 * classify and ask for revisions; community managers triage and assign; departments answer,
 * transfer, give holding answers, approve and correct. Each public event is appended to the
 * response ledger ({@link PublicRecord}) in the same transaction, after the command's own writes.
 */
@ApplicationScoped
@Transactional
public class Inquiries {

  /** How far back a repeat is looked for (six months). */
  static final Duration REPEAT_WINDOW = Duration.ofDays(183);

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject QaAccess access;
  @Inject QaCatalog catalog;
  @Inject PublicRecord record;
  @Inject Event<LiveRelay.LiveChanged> liveChanged;

  /** TRIBUNE_QA_MAX_TEXT_LENGTH */
  @Inject
  @ConfigProperty(name = "tribune.qa.max-text-length", defaultValue = "4000")
  int maxTextLength;

  /** TRIBUNE_QA_MAX_SUB_QUESTIONS */
  @Inject
  @ConfigProperty(name = "tribune.qa.max-sub-questions", defaultValue = "3")
  int maxSubQuestions;

  /** TRIBUNE_QA_REVISION_WORKING_DAYS: the clock a revision request gives the department. */
  @Inject
  @ConfigProperty(name = "tribune.qa.revision-working-days", defaultValue = "10")
  int revisionWorkingDays;

  /** TRIBUNE_QA_ATTACHMENT_MAX_BYTES: the largest file one may attach to an inquiry. */
  @Inject
  @ConfigProperty(name = "tribune.qa.attachment-max-bytes", defaultValue = "5242880")
  int attachmentMaxBytes;

  Clock clock = Clock.systemUTC();
  private Admissibility admissibility;
  private AttachmentPolicy attachmentPolicy;

  @PostConstruct
  void init() {
    admissibility = new Admissibility(maxTextLength, maxSubQuestions);
    attachmentPolicy = new AttachmentPolicy(attachmentMaxBytes);
  }

  public record Filing(
      long session,
      InquiryKind kind,
      String heading,
      String text,
      String interest,
      List<String> links,
      List<Long> cosigners,
      boolean submit) {}

  public Admissibility rules() {
    return admissibility;
  }

  // --- delegates -------------------------------------------------------------------------------

  public InquiryView file(Filing filing) {
    MemberId me = access.delegate();
    QaSession session = session(filing.session());
    Instant now = now();
    session.requireFilingOpen(me, now);
    admissibility.check(filing.heading(), filing.text());
    List<MemberId> cosigners = new ArrayList<>();
    for (Long id : filing.cosigners() == null ? List.<Long>of() : filing.cosigners()) {
      MemberId cosigner = new MemberId(id);
      if (!session.isDelegate(cosigner)) {
        throw DomainException.invalid("cosigners", "member " + id + " is not a delegate here");
      }
      cosigners.add(cosigner);
    }
    Inquiry inquiry =
        Inquiry.draft(
            session.id(),
            me,
            filing.kind(),
            filing.heading(),
            filing.text(),
            filing.interest(),
            filing.links(),
            cosigners,
            now);
    em.persist(inquiry);
    em.flush();
    if (filing.submit()) {
      submitDraft(inquiry, me, session, now);
    }
    return catalog.inquiry(inquiry, false, now);
  }

  public InquiryView submit(long id) {
    MemberId me = access.delegate();
    Inquiry inquiry = mine(id, me);
    QaSession session = session(inquiry.sessionId());
    Instant now = now();
    session.requireFilingOpen(me, now);
    admissibility.check(inquiry.heading(), inquiry.body());
    submitDraft(inquiry, me, session, now);
    return catalog.inquiry(inquiry, false, now);
  }

  private void submitDraft(Inquiry inquiry, MemberId me, QaSession session, Instant now) {
    InquiryEvent event = inquiry.submit(me, now);
    inquiry.numbered(now);
    em.flush();
    record.inquiryEvent(inquiry, event, null);
  }

  /** Inquiries answered in the last six months that look like the draft, with their answers. */
  public List<InquiryView> repeats(String text) {
    Instant now = now();
    List<Object[]> rows =
        em.createQuery(
                "SELECT i.id, i.heading, i.body FROM Inquiry i WHERE i.state = :published"
                    + " AND i.updatedAt >= :since",
                Object[].class)
            .setParameter("published", InquiryState.PUBLISHED)
            .setParameter("since", now.minus(REPEAT_WINDOW))
            .setMaxResults(2000)
            .getResultList();
    List<RepeatFinder.Candidate> candidates =
        rows.stream().map(r -> new RepeatFinder.Candidate((Long) r[0], r[1] + " " + r[2])).toList();
    return RepeatFinder.matches(text, candidates).stream()
        .map(m -> catalog.inquiry(em.find(Inquiry.class, m.id()), false, now))
        .toList();
  }

  public List<InquirySummary> mine() {
    MemberId me = access.me();
    return catalog.summaries(
        em.createQuery(
                "SELECT i FROM Inquiry i WHERE i.authorId = :me ORDER BY i.id DESC", Inquiry.class)
            .setParameter("me", me.value())
            .getResultList(),
        now());
  }

  public InquiryView clarify(long id, String text) {
    MemberId me = access.me();
    Inquiry inquiry = mine(id, me);
    return done(inquiry, inquiry.clarify(me, text, now()));
  }

  public InquiryView withdraw(long id, String reason) {
    MemberId me = access.me();
    Inquiry inquiry = mine(id, me);
    InquiryEvent event = inquiry.withdraw(me, reason, now());
    em.flush();
    record.inquiryEvent(inquiry, event, responsible(inquiry));
    return view(inquiry);
  }

  public InquiryView classify(long id, Satisfaction satisfaction) {
    MemberId me = access.me();
    Inquiry inquiry = mine(id, me);
    return done(inquiry, inquiry.classify(me, satisfaction, now()));
  }

  public InquiryView requestRevision(long id, String reason) {
    MemberId me = access.me();
    Inquiry inquiry = mine(id, me);
    return done(
        inquiry,
        inquiry.requestRevision(me, reason, responsible(inquiry), revisionWorkingDays, now()));
  }

  /**
   * Attaches a file to the caller's draft (refused, with nothing kept, unless the policy agrees).
   */
  public InquiryView.AttachmentView attach(
      long id, String fileName, String contentType, byte[] content) {
    MemberId me = access.delegate();
    Inquiry inquiry = mine(id, me);
    if (catalog.attachments(id).size() >= Attachment.MAX_PER_INQUIRY) {
      throw DomainException.conflict(
          "too-many-attachments",
          "Too many attachments",
          "An inquiry carries at most " + Attachment.MAX_PER_INQUIRY + " files.");
    }
    inquiry.requireDraft("attach files to");
    attachmentPolicy
        .check(fileName, contentType, content)
        .ifPresent(
            refusal -> {
              throw switch (refusal.kind()) {
                case INVALID -> DomainException.invalid(refusal.field(), refusal.message());
                case TOO_LARGE ->
                    new DomainException(
                        DomainException.Kind.TOO_LARGE,
                        "attachment-too-large",
                        "Attachment too large",
                        refusal.message());
                case UNSUPPORTED_TYPE ->
                    DomainException.unprocessable(
                        "attachment-type-refused", "Attachment type refused", refusal.message());
              };
            });
    Attachment attachment =
        Attachment.to(
            inquiry,
            me,
            AttachmentPolicy.fileName(fileName),
            AttachmentPolicy.baseType(contentType),
            content,
            now());
    em.persist(attachment);
    em.flush();
    return catalog.attachments(id).stream()
        .filter(a -> a.id() == attachment.id())
        .findFirst()
        .orElseThrow();
  }

  /** Removes a file from the caller's draft. */
  public void detach(long id, long attachmentId) {
    MemberId me = access.me();
    Inquiry inquiry = mine(id, me);
    inquiry.requireDraft("remove files from");
    Attachment attachment = em.find(Attachment.class, attachmentId);
    if (attachment == null || attachment.inquiryId() != id) {
      throw DomainException.notFound("Attachment", attachmentId);
    }
    em.remove(attachment);
  }

  /** A file to download; {@code draft}: only its author may see it, so no cache may keep it. */
  public record Download(
      String fileName, String contentType, String sha256, byte[] content, boolean draft) {}

  /** A file of an inquiry the caller may see (a draft's only to its author). */
  public Download attachment(long id, long attachmentId) {
    Inquiry inquiry = visible(id);
    Attachment attachment = em.find(Attachment.class, attachmentId);
    if (attachment == null || attachment.inquiryId() != id) {
      throw DomainException.notFound("Attachment", attachmentId);
    }
    return new Download(
        attachment.fileName(),
        attachment.contentType(),
        attachment.sha256(),
        attachment.content(),
        inquiry.state() == InquiryState.DRAFT);
  }

  public AttachmentPolicy attachmentRules() {
    return attachmentPolicy;
  }

  // --- reading ---------------------------------------------------------------------------------

  public InquiryView get(long id) {
    Inquiry inquiry = visible(id);
    return catalog.inquiry(inquiry, access.seesDrafts(inquiry), now());
  }

  public List<InquirySummary> list(Long session, String state, Long department) {
    StringBuilder jpql = new StringBuilder("SELECT i FROM Inquiry i WHERE i.state <> :draft");
    if (session != null) {
      jpql.append(" AND i.sessionId = :session");
    }
    if (state != null) {
      jpql.append(" AND i.state = :state");
    }
    if (department != null) {
      jpql.append(" AND i.departmentId = :department");
    }
    var query =
        em.createQuery(jpql.append(" ORDER BY i.id DESC").toString(), Inquiry.class)
            .setParameter("draft", InquiryState.DRAFT)
            .setMaxResults(500);
    if (session != null) {
      query.setParameter("session", session);
    }
    if (state != null) {
      query.setParameter(
          "state",
          InquiryState.fromWire(state)
              .orElseThrow(() -> DomainException.invalid("state", "unknown state " + state)));
    }
    if (department != null) {
      query.setParameter("department", department);
    }
    return catalog.summaries(query.getResultList(), now());
  }

  // --- community managers ----------------------------------------------------------------------

  public List<InquirySummary> triageQueue() {
    access.manager();
    return catalog.summaries(
        catalog.inquiriesIn(
            InquiryState.SUBMITTED, InquiryState.CLARIFICATION_REQUESTED, InquiryState.TRIAGED),
        now());
  }

  public record Triage(String decision, ReasonCode reasonCode, String note, Long into) {}

  public InquiryView triage(long id, Triage triage) {
    MemberId manager = access.manager();
    Inquiry inquiry = locked(id);
    Instant now = now();
    InquiryEvent event =
        switch (triage.decision() == null ? "" : triage.decision()) {
          case "admit" -> inquiry.admit(manager, now);
          case "reject" -> {
            if (triage.reasonCode() == null) {
              throw DomainException.invalid("reasonCode", "is required to reject");
            }
            yield inquiry.reject(manager, triage.reasonCode(), triage.note(), now);
          }
          case "merge" -> {
            if (triage.into() == null) {
              throw DomainException.invalid("into", "is required to merge");
            }
            Inquiry target = em.find(Inquiry.class, triage.into());
            if (target == null || target.state() == InquiryState.DRAFT) {
              throw DomainException.invalid("into", "inquiry " + triage.into() + " does not exist");
            }
            yield inquiry.mergeInto(target, manager, now);
          }
          case "clarify" -> inquiry.requestClarification(manager, triage.note(), now);
          default ->
              throw DomainException.invalid(
                  "decision", "must be one of admit, reject, merge, clarify");
        };
    return done(inquiry, event);
  }

  public InquiryView assign(long id, long departmentId, int workingDays, LocalDate priorityDate) {
    MemberId manager = access.manager();
    Inquiry inquiry = locked(id);
    Department department = em.find(Department.class, departmentId);
    if (department == null) {
      throw DomainException.invalid("department", "department " + departmentId + " does not exist");
    }
    Instant now = now();
    if (inquiry.state() == InquiryState.SUBMITTED) {
      InquiryEvent admitted = inquiry.admit(manager, now);
      em.flush();
      record.inquiryEvent(inquiry, admitted, null);
    }
    return done(inquiry, inquiry.assign(department, workingDays, priorityDate, manager, now));
  }

  /** Releases a held answer outside the session (or after it). */
  public InquiryView publish(long id) {
    MemberId manager = access.manager();
    Inquiry inquiry = locked(id);
    publishAnswer(inquiry, manager, now());
    return view(inquiry);
  }

  // --- departments -----------------------------------------------------------------------------

  /** Inquiries the caller's departments owe or are asked to take over, with drafts to approve. */
  public List<InquirySummary> inbox(Long departmentId) {
    List<Department> mine =
        departmentId == null ? access.myDepartments() : List.of(access.department(departmentId));
    if (departmentId != null) {
      access.responderOf(mine.get(0));
    }
    if (mine.isEmpty()) {
      return List.of();
    }
    List<Long> ids = mine.stream().map(Department::id).toList();
    return catalog.summaries(
        em.createQuery(
                "SELECT i FROM Inquiry i WHERE (i.departmentId IN :d OR i.transferTo IN :d)"
                    + " AND i.state IN :states ORDER BY i.dueOn, i.id",
                Inquiry.class)
            .setParameter("d", ids)
            .setParameter(
                "states",
                List.of(
                    InquiryState.ASSIGNED,
                    InquiryState.ANSWERED,
                    InquiryState.SCHEDULED,
                    InquiryState.DISCUSSED,
                    InquiryState.PUBLISHED))
            .getResultList(),
        now());
  }

  public InquiryView draftAnswer(long id, String text, OutcomeClass outcome) {
    Inquiry inquiry = locked(id);
    Department department = responsible(inquiry);
    MemberId responder = access.responderOf(department);
    if (!inquiry.state().awaitingAnswer()) {
      throw DomainException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "Inquiry " + inquiry.reference() + " is " + inquiry.state().wire() + ".");
    }
    Instant now = now();
    Answer draft = catalog.draftOf(id);
    if (draft == null) {
      em.persist(Answer.draft(id, department.id(), text, outcome, responder, now));
    } else {
      draft.revise(text, outcome, responder, now);
    }
    em.flush();
    return catalog.inquiry(inquiry, true, now);
  }

  /**
   * The lead approves the draft: the inquiry is answered, and published at once when its session
   * releases answers at once; otherwise the answer is held for the session.
   */
  public InquiryView approve(long id) {
    Inquiry inquiry = locked(id);
    Department department = responsible(inquiry);
    MemberId lead = access.leadOf(department);
    Answer draft = catalog.draftOf(id);
    if (draft == null) {
      throw DomainException.conflict(
          "no-draft", "No draft", "Inquiry " + inquiry.reference() + " has no answer to approve.");
    }
    Instant now = now();
    draft.approve(lead, now);
    InquiryEvent answered = inquiry.answered(lead, now);
    em.flush();
    record.inquiryEvent(inquiry, answered, department);
    if (session(inquiry.sessionId()).releaseMode() == ReleaseMode.AT_ONCE) {
      publishAnswer(inquiry, lead, now);
    } else {
      em.flush();
    }
    return catalog.inquiry(inquiry, true, now);
  }

  public InquiryView holdingAnswer(long id, String text) {
    Inquiry inquiry = locked(id);
    Department department = responsible(inquiry);
    MemberId responder = access.responderOf(department);
    Instant now = now();
    InquiryEvent event = inquiry.holdingAnswer(responder, now);
    Answer holding = Answer.holding(id, department.id(), text, responder, now);
    em.persist(holding);
    em.flush();
    record.answer(inquiry, holding, department, event);
    return catalog.inquiry(inquiry, true, now);
  }

  public InquiryView requestTransfer(long id, long toDepartment) {
    Inquiry inquiry = locked(id);
    Department from = responsible(inquiry);
    MemberId responder = access.responderOf(from);
    Department to = em.find(Department.class, toDepartment);
    if (to == null) {
      throw DomainException.invalid("department", "department " + toDepartment + " does not exist");
    }
    return transferStep(inquiry, inquiry.requestTransfer(to, responder, now()), from, to);
  }

  public InquiryView acceptTransfer(long id) {
    Inquiry inquiry = locked(id);
    Department from = responsible(inquiry);
    Department receiving = receiving(inquiry);
    MemberId responder = access.responderOf(receiving);
    InquiryEvent event = inquiry.acceptTransfer(receiving, responder, now());
    return transferStep(inquiry, event, receiving, from);
  }

  public InquiryView declineTransfer(long id) {
    Inquiry inquiry = locked(id);
    Department receiving = receiving(inquiry);
    MemberId responder = access.responderOf(receiving);
    InquiryEvent event = inquiry.declineTransfer(receiving, responder, now());
    return transferStep(inquiry, event, responsible(inquiry), receiving);
  }

  private InquiryView transferStep(
      Inquiry inquiry, InquiryEvent event, Department responsible, Department other) {
    em.flush();
    record.inquiryEvent(inquiry, event, responsible, other);
    return view(inquiry);
  }

  /** The lead appends a correction to the published answer; the original stays as it was. */
  public InquiryView correct(long id, String text) {
    Inquiry inquiry = locked(id);
    Department department = responsible(inquiry);
    MemberId lead = access.leadOf(department);
    Answer original =
        catalog.answers(id).stream()
            .filter(a -> a.kind() == AnswerKind.ANSWER && a.status() == AnswerStatus.PUBLISHED)
            .reduce((a, b) -> b)
            .orElseThrow(
                () ->
                    DomainException.conflict(
                        "invalid-transition",
                        "Invalid status transition",
                        "Inquiry " + inquiry.reference() + " has no published answer."));
    Instant now = now();
    InquiryEvent event = inquiry.corrected(lead, now);
    Answer correction = Answer.correction(original, text, lead, now);
    em.persist(correction);
    em.flush();
    record.answer(inquiry, correction, department, event);
    return catalog.inquiry(inquiry, true, now);
  }

  // --- shared with the session facade ----------------------------------------------------------

  /** Publishes the approved answer of an inquiry (and moves the inquiry to published). */
  void publishAnswer(Inquiry inquiry, MemberId actor, Instant now) {
    Answer approved =
        catalog.answers(inquiry.id()).stream()
            .filter(a -> a.kind() == AnswerKind.ANSWER && a.status() == AnswerStatus.APPROVED)
            .reduce((a, b) -> b)
            .orElseThrow(
                () ->
                    DomainException.conflict(
                        "no-approved-answer",
                        "No approved answer",
                        "Inquiry " + inquiry.reference() + " has no approved answer to publish."));
    InquiryEvent event = inquiry.publish(actor, now);
    approved.publish(now);
    em.flush();
    record.answer(inquiry, approved, responsible(inquiry), event);
    touchLive(inquiry, now);
  }

  void touchLive(Inquiry inquiry, Instant now) {
    QaSession session = em.find(QaSession.class, inquiry.sessionId());
    if (session.liveState() == LiveState.LIVE && inquiry.agendaPosition() != null) {
      liveChanged.fire(new LiveRelay.LiveChanged(session.id()));
    }
  }

  Department responsible(Inquiry inquiry) {
    return inquiry.departmentId() == null ? null : access.department(inquiry.departmentId());
  }

  private Department receiving(Inquiry inquiry) {
    if (inquiry.transferTo() == null) {
      throw DomainException.conflict(
          "no-transfer-pending",
          "No transfer pending",
          "Inquiry " + inquiry.reference() + " is not being transferred.");
    }
    return access.department(inquiry.transferTo());
  }

  private InquiryView done(Inquiry inquiry, InquiryEvent event) {
    em.flush();
    if (event != null) {
      record.inquiryEvent(inquiry, event, responsible(inquiry));
    }
    return view(inquiry);
  }

  private InquiryView view(Inquiry inquiry) {
    return catalog.inquiry(inquiry, access.seesDrafts(inquiry), now());
  }

  private QaSession session(long id) {
    QaSession session = em.find(QaSession.class, id);
    if (session == null) {
      throw DomainException.notFound("Session", id);
    }
    return session;
  }

  /** The caller's own inquiry (a draft of someone else's is not found). */
  private Inquiry mine(long id, MemberId me) {
    Inquiry inquiry = em.find(Inquiry.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (inquiry == null || (inquiry.state() == InquiryState.DRAFT && !inquiry.isAuthor(me))) {
      throw DomainException.notFound("Inquiry", id);
    }
    if (!inquiry.isAuthor(me)) {
      throw DomainException.forbidden("Only the delegate who filed it may do this.");
    }
    return inquiry;
  }

  private Inquiry visible(long id) {
    Inquiry inquiry = em.find(Inquiry.class, id);
    if (inquiry == null
        || (inquiry.state() == InquiryState.DRAFT
            && !access.caller().map(inquiry::isAuthor).orElse(false))) {
      throw DomainException.notFound("Inquiry", id);
    }
    return inquiry;
  }

  private Inquiry locked(long id) {
    Inquiry inquiry = em.find(Inquiry.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (inquiry == null || inquiry.state() == InquiryState.DRAFT) {
      throw DomainException.notFound("Inquiry", id);
    }
    return inquiry;
  }

  private Instant now() {
    return clock.instant();
  }
}
