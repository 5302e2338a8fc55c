package org.tribune.qa.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.qa.control.Timeliness;
import org.tribune.qa.entity.Department;
import org.tribune.qa.entity.ImprovementPlan;
import org.tribune.qa.entity.Inquiry;
import org.tribune.qa.entity.InquiryState;

/** Departments (community managers staff them) and their public timeliness. */
@ApplicationScoped
@Transactional
public class Departments {

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject QaAccess access;
  @Inject QaCatalog catalog;

  /** TRIBUNE_QA_MIN_SAMPLE: answers needed before a percentage or median is published. */
  @Inject
  @ConfigProperty(name = "tribune.qa.min-sample", defaultValue = "5")
  int minSample;

  Clock clock = Clock.systemUTC();

  /** The roles a manager picks people by: session delegates and department staff. */
  static final List<String> PICKABLE_ROLES = List.of("delegate", "responder", "member");

  /**
   * Members whose display name contains {@code q} (case-insensitive), with the role, for a
   * community manager choosing session delegates or department staff by name; at most 20.
   */
  public List<Ref> people(String q, String role) {
    access.manager();
    String r = role == null || role.isBlank() ? "member" : role;
    if (!PICKABLE_ROLES.contains(r)) {
      throw DomainException.invalid("role", "must be one of " + String.join(", ", PICKABLE_ROLES));
    }
    String text = q == null ? "" : q.strip();
    if (text.isEmpty() || text.length() > 80) {
      throw DomainException.invalid("q", "must be 1–80 characters");
    }
    String pattern =
        "%"
            + text.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    boolean anyone = r.equals("member");
    var query =
        em.createNativeQuery(
                "SELECT m.id, m.display_name FROM member m"
                    + " WHERE LOWER(m.display_name) LIKE ?1 ESCAPE '\\'"
                    + (anyone
                        ? ""
                        : " AND EXISTS (SELECT 1 FROM member_role r"
                            + " WHERE r.member_id = m.id AND r.role_name = ?2)")
                    + " ORDER BY m.display_name, m.id")
            .setParameter(1, pattern)
            .setMaxResults(20);
    if (!anyone) {
      query.setParameter(2, r);
    }
    List<?> rows = query.getResultList();
    return rows.stream()
        .map(row -> (Object[]) row)
        .map(c -> new Ref(((Number) c[0]).longValue(), (String) c[1]))
        .toList();
  }

  public DepartmentView create(
      String name, long lead, List<Long> responders, List<LocalDate> holidays) {
    access.manager();
    requireMembers(lead, responders);
    if (!em.createQuery("SELECT d FROM Department d WHERE d.name = :n", Department.class)
        .setParameter("n", name == null ? "" : name.strip())
        .getResultList()
        .isEmpty()) {
      throw DomainException.conflict(
          "department-exists", "Department exists", "A department named " + name + " exists.");
    }
    Department d =
        new Department(
            name,
            new MemberId(lead),
            ids(responders),
            holidays == null ? List.of() : holidays,
            clock.instant());
    em.persist(d);
    em.flush();
    return catalog.department(d);
  }

  public DepartmentView staff(long id, long lead, List<Long> responders, List<LocalDate> holidays) {
    access.manager();
    requireMembers(lead, responders);
    Department d = access.department(id);
    d.staff(new MemberId(lead), ids(responders), holidays == null ? List.of() : holidays);
    em.flush();
    return catalog.department(d);
  }

  public List<DepartmentView> list() {
    return em
        .createQuery("SELECT d FROM Department d ORDER BY d.name", Department.class)
        .getResultList()
        .stream()
        .map(catalog::department)
        .toList();
  }

  public List<DepartmentView> mine() {
    return access.myDepartments().stream().map(catalog::department).toList();
  }

  /** Every department's public timeliness figures. */
  public List<TimelinessView> timeliness() {
    Instant now = clock.instant();
    LocalDate today = QaCatalog.today(now);
    List<Inquiry> assigned =
        em.createQuery(
                "SELECT i FROM Inquiry i WHERE i.departmentId IS NOT NULL AND i.state <> :w",
                Inquiry.class)
            .setParameter("w", InquiryState.WITHDRAWN)
            .getResultList();
    Map<Long, Instant> answered = catalog.firstAnswers(assigned.stream().map(Inquiry::id).toList());
    Map<Long, int[]> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT e.departmentId, e.type, COUNT(e) FROM InquiryEvent e"
                    + " WHERE e.type IN :types AND e.departmentId IS NOT NULL"
                    + " GROUP BY e.departmentId, e.type",
                Object[].class)
            .setParameter("types", List.of("holding_answer", "revision_requested", "corrected"))
            .getResultList()) {
      int[] c = counts.computeIfAbsent((Long) row[0], k -> new int[3]);
      int slot =
          switch ((String) row[1]) {
            case "holding_answer" -> 0;
            case "revision_requested" -> 1;
            default -> 2;
          };
      c[slot] = ((Number) row[2]).intValue();
    }
    List<ImprovementPlan> plans =
        em.createQuery("SELECT p FROM ImprovementPlan p", ImprovementPlan.class).getResultList();
    Map<Long, Integer> progress = QaCatalog.rollup(plans);
    List<TimelinessView> views = new ArrayList<>();
    for (Department d :
        em.createQuery("SELECT d FROM Department d ORDER BY d.name", Department.class)
            .getResultList()) {
      List<Timeliness.Case> cases =
          assigned.stream()
              .filter(i -> i.departmentId().equals(d.id()))
              .map(
                  i -> {
                    Instant first = answered.get(i.id());
                    return new Timeliness.Case(
                        i.priorityOn() != null,
                        i.clockStartedOn(),
                        i.deadline(),
                        first == null ? null : QaCatalog.today(first),
                        catalog.lateness(i, today, d.calendar()));
                  })
              .toList();
      Timeliness.Figures f = Timeliness.of(cases, d.calendar(), minSample);
      List<ImprovementPlan> top =
          plans.stream().filter(p -> p.departmentId() == d.id() && p.parentId() == null).toList();
      Integer planProgress =
          top.isEmpty()
              ? null
              : (int)
                  Math.round(top.stream().mapToInt(p -> progress.get(p.id())).average().orElse(0));
      int missed =
          (int)
              plans.stream()
                  .filter(p -> p.departmentId() == d.id() && p.missedDueDate(today))
                  .count();
      int[] c = counts.getOrDefault(d.id(), new int[3]);
      views.add(
          new TimelinessView(
              new Ref(d.id(), d.name()),
              share(f.ordinary()),
              share(f.priority()),
              f.medianWorkingDays(),
              c[0],
              f.overdueNow(),
              f.veryOverdueNow(),
              c[1],
              c[2],
              planProgress,
              missed,
              minSample));
    }
    return views;
  }

  private static TimelinessView.Share share(Timeliness.Share s) {
    return new TimelinessView.Share(s.answered(), s.onTime(), s.percent());
  }

  private static List<MemberId> ids(List<Long> ids) {
    return ids == null ? List.of() : ids.stream().map(MemberId::new).toList();
  }

  private void requireMembers(long lead, List<Long> responders) {
    List<Long> all = new ArrayList<>(responders == null ? List.of() : responders);
    all.add(lead);
    if (all.size() > 200) {
      throw DomainException.invalid("responders", "at most 200");
    }
    Map<Long, String> names = catalog.names(all);
    for (Long id : all) {
      if (!names.containsKey(id)) {
        throw DomainException.invalid(
            id == lead ? "lead" : "responders", "member " + id + " does not exist");
      }
    }
  }
}
