package org.tribune.qa.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.qa.entity.Department;
import org.tribune.qa.entity.Inquiry;

/**
 * Who may do what in the Q&amp;A sessions. A responder acts only for the departments they belong
 * to: the role alone grants nothing of another department's (a draft of another department is "not
 * found", an action on its inquiry "forbidden"). Department leads approve; community managers
 * triage, assign and run sessions.
 */
@ApplicationScoped
public class QaAccess {

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject CurrentMember current;

  MemberId manager() {
    return current.requireRole(Roles.COMMUNITY_MANAGER);
  }

  boolean isManager() {
    return current.has(Roles.COMMUNITY_MANAGER);
  }

  MemberId delegate() {
    return current.requireRole(Roles.DELEGATE);
  }

  Department department(long id) {
    Department d = em.find(Department.class, id);
    if (d == null) {
      throw DomainException.notFound("Department", id);
    }
    return d;
  }

  /** The lead, or a responder who belongs to the department. */
  boolean belongs(Department d) {
    MemberId me = current.id().orElse(null);
    return me != null && (d.isLead(me) || (d.hasMember(me) && current.has(Roles.RESPONDER)));
  }

  /** The caller acting for the department: 403 when they do not belong to it. */
  MemberId responderOf(Department d) {
    MemberId me = current.require();
    if (!belongs(d)) {
      throw DomainException.forbidden("You do not answer for " + d.name() + ".");
    }
    return me;
  }

  MemberId leadOf(Department d) {
    MemberId me = current.require();
    if (!d.isLead(me)) {
      throw DomainException.forbidden("Only the lead of " + d.name() + " may do this.");
    }
    return me;
  }

  /** The departments the caller answers for. */
  List<Department> myDepartments() {
    MemberId me = current.require();
    return em
        .createQuery("SELECT d FROM Department d ORDER BY d.name", Department.class)
        .getResultList()
        .stream()
        .filter(d -> d.isLead(me) || (d.hasMember(me) && current.has(Roles.RESPONDER)))
        .toList();
  }

  /** Whether the caller may see the department's drafts of this inquiry. */
  boolean seesDrafts(Inquiry inquiry) {
    if (isManager()) {
      return true;
    }
    for (Long id : new Long[] {inquiry.departmentId(), inquiry.transferTo()}) {
      if (id != null && belongs(department(id))) {
        return true;
      }
    }
    return false;
  }

  MemberId me() {
    return current.require();
  }

  java.util.Optional<MemberId> caller() {
    return current.id();
  }
}
