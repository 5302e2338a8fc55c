package org.tribune.qa.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.qa.control.PlanRollup;
import org.tribune.qa.entity.Answer;
import org.tribune.qa.entity.AnswerKind;
import org.tribune.qa.entity.AnswerStatus;
import org.tribune.qa.entity.Department;
import org.tribune.qa.entity.ImprovementPlan;
import org.tribune.qa.entity.Inquiry;
import org.tribune.qa.entity.InquiryEvent;
import org.tribune.qa.entity.InquiryState;
import org.tribune.qa.entity.Lateness;
import org.tribune.qa.entity.PlanStatus;
import org.tribune.qa.entity.QaSession;
import org.tribune.qa.entity.Wire;
import org.tribune.qa.entity.WorkingCalendar;

/**
 * The Q&amp;A read side: turns entities into the views of docs/api.md, with display names looked up
 * in batches and lateness and plan progress derived at read time. Runs inside the facades'
 * transactions.
 */
@ApplicationScoped
public class QaCatalog {

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  /**
   * TRIBUNE_QA_VERY_OVERDUE_WORKING_DAYS: working days past the deadline from which an unanswered
   * inquiry is very overdue.
   */
  @Inject
  @ConfigProperty(name = "tribune.qa.very-overdue-working-days", defaultValue = "10")
  int veryOverdueAfter;

  @PostConstruct
  void checkConfig() {
    if (veryOverdueAfter < 1 || veryOverdueAfter > 250) {
      throw new IllegalStateException(
          "tribune.qa.very-overdue-working-days must be 1–250, not " + veryOverdueAfter);
    }
  }

  /** How late an inquiry is, with the configured very-overdue threshold. */
  Lateness lateness(Inquiry inquiry, LocalDate today, WorkingCalendar calendar) {
    return inquiry.lateness(today, calendar, veryOverdueAfter);
  }

  static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  Map<Long, Department> departments() {
    Map<Long, Department> all = new HashMap<>();
    em.createQuery("SELECT d FROM Department d", Department.class)
        .getResultList()
        .forEach(d -> all.put(d.id(), d));
    return all;
  }

  Map<Long, String> names(Collection<Long> memberIds) {
    Map<Long, String> names = new HashMap<>();
    List<Long> ids = List.copyOf(new LinkedHashSet<>(memberIds));
    for (int from = 0; from < ids.size(); from += 200) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
      StringBuilder marks = new StringBuilder();
      for (int n = 1; n <= chunk.size(); n++) {
        marks.append(n == 1 ? "" : ", ").append('?').append(n);
      }
      Query query =
          em.createNativeQuery("SELECT id, display_name FROM member WHERE id IN (" + marks + ")");
      for (int n = 0; n < chunk.size(); n++) {
        query.setParameter(n + 1, chunk.get(n));
      }
      for (Object row : query.getResultList()) {
        Object[] cells = (Object[]) row;
        names.put(((Number) cells[0]).longValue(), (String) cells[1]);
      }
    }
    return names;
  }

  Ref member(Map<Long, String> names, Long id) {
    return id == null ? null : new Ref(id, names.getOrDefault(id, "#" + id));
  }

  static Ref department(Map<Long, Department> departments, Long id) {
    if (id == null) {
      return null;
    }
    Department d = departments.get(id);
    return new Ref(id, d == null ? "#" + id : d.name());
  }

  List<Answer> answers(long inquiryId) {
    return em.createQuery(
            "SELECT a FROM Answer a WHERE a.inquiryId = :id ORDER BY a.id", Answer.class)
        .setParameter("id", inquiryId)
        .getResultList();
  }

  /** The inquiry's attachments without their content, oldest first. */
  List<InquiryView.AttachmentView> attachments(long inquiryId) {
    return em
        .createQuery(
            "SELECT a.id, a.fileName, a.contentType, a.size, a.sha256, a.uploadedAt"
                + " FROM Attachment a WHERE a.inquiryId = :i ORDER BY a.id",
            Object[].class)
        .setParameter("i", inquiryId)
        .getResultList()
        .stream()
        .map(
            r ->
                new InquiryView.AttachmentView(
                    (Long) r[0],
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).longValue(),
                    (String) r[4],
                    (Instant) r[5]))
        .toList();
  }

  /** The answer draft awaiting approval, if any. */
  Answer draftOf(long inquiryId) {
    return answers(inquiryId).stream()
        .filter(a -> a.status() == AnswerStatus.DRAFT)
        .findFirst()
        .orElse(null);
  }

  InquiryView inquiry(Inquiry inquiry, boolean showDraft, Instant now) {
    Map<Long, Department> departments = departments();
    List<Answer> own = answers(inquiry.id());
    List<Answer> published = new ArrayList<>();
    if (inquiry.mergedInto() != null) {
      published.addAll(
          answers(inquiry.mergedInto()).stream()
              .filter(a -> a.status() == AnswerStatus.PUBLISHED)
              .toList());
    }
    published.addAll(own.stream().filter(a -> a.status() == AnswerStatus.PUBLISHED).toList());
    Answer draft =
        showDraft
            ? own.stream()
                .filter(a -> a.status() != AnswerStatus.PUBLISHED)
                .reduce((a, b) -> b)
                .orElse(null)
            : null;
    Set<Long> people = new HashSet<>();
    people.add(inquiry.author().value());
    people.addAll(inquiry.cosigners());
    inquiry.history().forEach(e -> people.add(e.actor().value()));
    for (Answer a : own) {
      people.add(a.draftedBy().value());
      if (a.approvedBy() != null) {
        people.add(a.approvedBy().value());
      }
    }
    published.forEach(a -> people.add(a.draftedBy().value()));
    Map<Long, String> names = names(people);
    QaSession session = em.find(QaSession.class, inquiry.sessionId());
    Department responsible =
        inquiry.departmentId() == null ? null : departments.get(inquiry.departmentId());
    WorkingCalendar calendar =
        responsible == null ? WorkingCalendar.weekdays() : responsible.calendar();
    List<InquiryView.EventView> history =
        inquiry.history().stream()
            .filter(e -> showDraft || !e.type().equals("answer_drafted"))
            .map(e -> event(e, departments, names))
            .toList();
    return new InquiryView(
        inquiry.id(),
        inquiry.reference(),
        new Ref(session.id(), session.title()),
        member(names, inquiry.author().value()),
        Wire.of(inquiry.kind()),
        inquiry.heading(),
        inquiry.body(),
        inquiry.interest(),
        inquiry.links(),
        attachments(inquiry.id()),
        inquiry.cosigners().stream().sorted().map(id -> member(names, id)).toList(),
        inquiry.state().wire(),
        department(departments, inquiry.departmentId()),
        department(departments, inquiry.transferTo()),
        inquiry.clockStartedOn(),
        inquiry.dueOn(),
        inquiry.priorityOn(),
        lateness(inquiry, today(now), calendar).wire(),
        Wire.of(inquiry.reasonCode()),
        inquiry.mergedInto(),
        Wire.of(inquiry.satisfaction()),
        inquiry.agendaPosition(),
        inquiry.discussedAt(),
        inquiry.createdAt(),
        published.stream().map(a -> answer(a, departments, names)).toList(),
        draft == null ? null : answer(draft, departments, names),
        history);
  }

  private InquiryView.EventView event(
      InquiryEvent e, Map<Long, Department> departments, Map<Long, String> names) {
    return new InquiryView.EventView(
        e.type(),
        e.state().wire(),
        department(departments, e.departmentId()),
        member(names, e.actor().value()),
        e.detail(),
        e.ledgerIndex(),
        e.at());
  }

  InquiryView.AnswerView answer(
      Answer a, Map<Long, Department> departments, Map<Long, String> names) {
    return new InquiryView.AnswerView(
        a.id(),
        a.inquiryId(),
        Wire.of(a.kind()),
        Wire.of(a.status()),
        a.body(),
        Wire.of(a.outcome()),
        a.corrects(),
        department(departments, a.departmentId()),
        member(names, a.draftedBy().value()),
        a.approvedBy() == null ? null : member(names, a.approvedBy().value()),
        a.publishedAt(),
        a.ledgerIndex());
  }

  List<InquirySummary> summaries(List<Inquiry> inquiries, Instant now) {
    Map<Long, Department> departments = departments();
    Map<Long, String> names =
        names(inquiries.stream().map(i -> i.author().value()).collect(Collectors.toSet()));
    Set<Long> withDraft = new HashSet<>();
    if (!inquiries.isEmpty()) {
      withDraft.addAll(
          em.createQuery(
                  "SELECT a.inquiryId FROM Answer a WHERE a.status = :draft AND a.inquiryId IN :ids",
                  Long.class)
              .setParameter("draft", AnswerStatus.DRAFT)
              .setParameter("ids", inquiries.stream().map(Inquiry::id).toList())
              .getResultList());
    }
    LocalDate today = today(now);
    return inquiries.stream()
        .map(
            i -> {
              Department d = i.departmentId() == null ? null : departments.get(i.departmentId());
              return new InquirySummary(
                  i.id(),
                  i.reference(),
                  i.heading(),
                  Wire.of(i.kind()),
                  i.state().wire(),
                  member(names, i.author().value()),
                  department(departments, i.departmentId()),
                  department(departments, i.transferTo()),
                  i.dueOn(),
                  i.priorityOn(),
                  lateness(i, today, d == null ? WorkingCalendar.weekdays() : d.calendar()).wire(),
                  i.agendaPosition(),
                  withDraft.contains(i.id()));
            })
        .toList();
  }

  List<Inquiry> agenda(long sessionId) {
    return em.createQuery(
            "SELECT i FROM Inquiry i WHERE i.sessionId = :s AND i.agendaPosition IS NOT NULL"
                + " ORDER BY i.agendaPosition, i.id",
            Inquiry.class)
        .setParameter("s", sessionId)
        .getResultList();
  }

  SessionView session(QaSession s, Instant now) {
    Map<Long, String> names = names(s.delegates());
    return new SessionView(
        s.id(),
        s.title(),
        s.heldOn(),
        s.filingOpens(),
        s.filingCloses(),
        !now.isBefore(s.filingOpens()) && now.isBefore(s.filingCloses()),
        Wire.of(s.releaseMode()),
        s.videoUrl(),
        s.transcriptUrl(),
        s.minutes(),
        Wire.of(s.liveState()),
        s.currentInquiry(),
        s.delegates().stream().sorted().map(id -> member(names, id)).toList(),
        summaries(agenda(s.id()), now));
  }

  LiveView live(QaSession s, Instant now) {
    LiveView.Item current = null;
    if (s.currentInquiry() != null) {
      Inquiry i = em.find(Inquiry.class, s.currentInquiry());
      Map<Long, Department> departments = departments();
      List<Answer> published =
          answers(i.id()).stream().filter(a -> a.status() == AnswerStatus.PUBLISHED).toList();
      Map<Long, String> names = names(published.stream().map(a -> a.draftedBy().value()).toList());
      current =
          new LiveView.Item(
              i.id(),
              i.reference(),
              i.heading(),
              i.state().wire(),
              department(departments, i.departmentId()),
              published.stream().map(a -> answer(a, departments, names)).toList());
    }
    return new LiveView(
        s.id(), s.title(), Wire.of(s.liveState()), current, summaries(agenda(s.id()), now));
  }

  DepartmentView department(Department d) {
    Set<Long> people = new HashSet<>(d.responders());
    people.add(d.lead().value());
    Map<Long, String> names = names(people);
    return new DepartmentView(
        d.id(),
        d.name(),
        member(names, d.lead().value()),
        d.responders().stream().sorted().map(id -> member(names, id)).toList(),
        d.holidays().stream().sorted().toList());
  }

  /** Plans with their sub-plans nested, progress rolled up, missed due dates flagged. */
  List<PlanView> plans(List<ImprovementPlan> plans, Instant now) {
    Map<Long, Department> departments = departments();
    Set<Long> people = new HashSet<>();
    plans.forEach(
        p -> {
          p.milestones().forEach(m -> people.add(m.author().value()));
          if (p.confirmedBy() != null) {
            people.add(p.confirmedBy().value());
          }
        });
    Map<Long, String> names = names(people);
    Map<Long, Integer> progress = rollup(plans);
    LocalDate today = today(now);
    Map<Long, List<ImprovementPlan>> children =
        plans.stream()
            .filter(p -> p.parentId() != null)
            .collect(Collectors.groupingBy(ImprovementPlan::parentId));
    return plans.stream()
        .filter(
            p -> p.parentId() == null || plans.stream().noneMatch(q -> q.id().equals(p.parentId())))
        .sorted(Comparator.comparing(ImprovementPlan::id))
        .map(p -> plan(p, children, progress, departments, names, today))
        .toList();
  }

  static Map<Long, Integer> rollup(List<ImprovementPlan> plans) {
    return PlanRollup.progress(
        plans.stream()
            .map(
                p ->
                    new PlanRollup.Node(
                        p.id(),
                        p.parentId(),
                        p.status() == PlanStatus.CANCELLED ? 0 : p.weight(),
                        p.ownProgress()))
            .toList());
  }

  private PlanView plan(
      ImprovementPlan p,
      Map<Long, List<ImprovementPlan>> children,
      Map<Long, Integer> progress,
      Map<Long, Department> departments,
      Map<Long, String> names,
      LocalDate today) {
    return new PlanView(
        p.id(),
        p.title(),
        p.description(),
        department(departments, p.departmentId()),
        p.parentId(),
        p.weight(),
        p.startsOn(),
        p.dueOn(),
        Wire.of(p.status()),
        p.reportedProgress(),
        progress.getOrDefault(p.id(), p.ownProgress()),
        p.missedDueDate(today),
        p.confirmedBy() == null ? null : member(names, p.confirmedBy().value()),
        p.confirmedAt(),
        p.inquiries().stream().sorted().toList(),
        p.milestones().stream()
            .map(
                m ->
                    new PlanView.Milestone(
                        m.id(), m.reachedOn(), m.note(), member(names, m.author().value())))
            .toList(),
        children.getOrDefault(p.id(), List.of()).stream()
            .sorted(Comparator.comparing(ImprovementPlan::id))
            .map(c -> plan(c, children, progress, departments, names, today))
            .toList());
  }

  /** The first approved full answer of each inquiry, by inquiry id. */
  Map<Long, Instant> firstAnswers(Collection<Long> inquiryIds) {
    Map<Long, Instant> first = new HashMap<>();
    if (inquiryIds.isEmpty()) {
      return first;
    }
    for (Answer a :
        em.createQuery(
                "SELECT a FROM Answer a WHERE a.kind = :answer AND a.inquiryId IN :ids",
                Answer.class)
            .setParameter("answer", AnswerKind.ANSWER)
            .setParameter("ids", List.copyOf(inquiryIds))
            .getResultList()) {
      if (a.approvedAt() != null) {
        first.merge(a.inquiryId(), a.approvedAt(), (x, y) -> x.isBefore(y) ? x : y);
      }
    }
    return first;
  }

  List<Inquiry> inquiriesIn(InquiryState... states) {
    return em.createQuery(
            "SELECT i FROM Inquiry i WHERE i.state IN :states ORDER BY i.id", Inquiry.class)
        .setParameter("states", List.of(states))
        .getResultList();
  }
}
