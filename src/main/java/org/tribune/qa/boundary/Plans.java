package org.tribune.qa.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.qa.entity.Department;
import org.tribune.qa.entity.ImprovementPlan;
import org.tribune.qa.entity.Inquiry;
import org.tribune.qa.entity.PlanStatus;

/**
 * Improvement plans: a department's members create and report on them; a delegate who filed a
 * linked inquiry confirms completion. Creation, milestones and completion are public ledger events.
 */
@ApplicationScoped
@Transactional
public class Plans {

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject QaAccess access;
  @Inject QaCatalog catalog;
  @Inject PublicRecord record;

  Clock clock = Clock.systemUTC();

  public record NewPlan(
      String title,
      String description,
      long department,
      Long parent,
      Integer weight,
      LocalDate startDate,
      LocalDate dueDate,
      List<Long> inquiries) {}

  public PlanView create(NewPlan p) {
    Department department = access.department(p.department());
    MemberId me = access.responderOf(department);
    ImprovementPlan parent = null;
    if (p.parent() != null) {
      parent = em.find(ImprovementPlan.class, p.parent());
      if (parent == null) {
        throw DomainException.invalid("parent", "plan " + p.parent() + " does not exist");
      }
    }
    List<Long> linked = p.inquiries() == null ? List.of() : p.inquiries();
    if (linked.size() > 50) {
      throw DomainException.invalid("inquiries", "at most 50");
    }
    for (Long id : linked) {
      Inquiry inquiry = em.find(Inquiry.class, id);
      if (inquiry == null || inquiry.reference() == null) {
        throw DomainException.invalid("inquiries", "inquiry " + id + " does not exist");
      }
    }
    Instant now = clock.instant();
    ImprovementPlan plan =
        new ImprovementPlan(
            p.title(),
            p.description(),
            department.id(),
            parent,
            p.weight() == null ? 1 : p.weight(),
            p.startDate(),
            p.dueDate(),
            linked,
            now);
    em.persist(plan);
    em.flush();
    record.plan("plan.created", plan, department, null);
    return view(plan);
  }

  public PlanView report(long id, PlanStatus status, Integer progress) {
    ImprovementPlan plan = locked(id);
    Department department = access.department(plan.departmentId());
    access.responderOf(department);
    if (status == null && progress == null) {
      throw DomainException.invalid("status", "send a status, a progress or both");
    }
    boolean wasDone = plan.status() == PlanStatus.DONE;
    plan.report(status, progress);
    em.flush();
    if (!wasDone && plan.status() == PlanStatus.DONE) {
      record.plan("plan.completed", plan, department, null);
    }
    return view(plan);
  }

  public PlanView milestone(long id, LocalDate date, String note) {
    ImprovementPlan plan = locked(id);
    Department department = access.department(plan.departmentId());
    MemberId me = access.responderOf(department);
    plan.milestone(date, note, me, clock.instant());
    em.flush();
    record.plan("plan.milestone", plan, department, date + ": " + note.strip());
    return view(plan);
  }

  /** A delegate who filed one of the plan's inquiries confirms that it is complete. */
  public PlanView confirm(long id) {
    MemberId me = access.me();
    ImprovementPlan plan = locked(id);
    boolean filedOne =
        plan.inquiries().stream()
            .map(i -> em.find(Inquiry.class, i))
            .anyMatch(i -> i != null && i.isAuthor(me));
    if (!filedOne) {
      throw DomainException.forbidden(
          "Only a delegate who filed one of the plan's inquiries confirms its completion.");
    }
    plan.confirmCompletion(me, clock.instant());
    em.flush();
    record.plan(
        "plan.completed", plan, access.department(plan.departmentId()), "confirmed by delegate");
    return view(plan);
  }

  public List<PlanView> list(Long department) {
    List<ImprovementPlan> plans =
        department == null
            ? em.createQuery("SELECT p FROM ImprovementPlan p ORDER BY p.id", ImprovementPlan.class)
                .getResultList()
            : em.createQuery(
                    "SELECT p FROM ImprovementPlan p WHERE p.departmentId = :d ORDER BY p.id",
                    ImprovementPlan.class)
                .setParameter("d", department)
                .getResultList();
    return catalog.plans(plans, clock.instant());
  }

  public PlanView get(long id) {
    ImprovementPlan plan = em.find(ImprovementPlan.class, id);
    if (plan == null) {
      throw DomainException.notFound("Plan", id);
    }
    return view(plan);
  }

  private PlanView view(ImprovementPlan plan) {
    long root = plan.parentId() == null ? plan.id() : plan.parentId();
    List<ImprovementPlan> family = new ArrayList<>();
    family.add(em.find(ImprovementPlan.class, root));
    family.addAll(
        em.createQuery(
                "SELECT p FROM ImprovementPlan p WHERE p.parentId = :r", ImprovementPlan.class)
            .setParameter("r", root)
            .getResultList());
    List<PlanView> views = catalog.plans(family, clock.instant());
    PlanView top = views.get(0);
    if (top.id() == plan.id()) {
      return top;
    }
    return top.subPlans().stream().filter(v -> v.id() == plan.id()).findFirst().orElseThrow();
  }

  private ImprovementPlan locked(long id) {
    ImprovementPlan plan = em.find(ImprovementPlan.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (plan == null) {
      throw DomainException.notFound("Plan", id);
    }
    return plan;
  }
}
