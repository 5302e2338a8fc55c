package org.tribune.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.tribune.identity.entity.AuditEntry;
import org.tribune.identity.entity.MemberId;

/**
 * The record of privileged actions, for every component: inject it and call {@link #record} inside
 * the transaction that makes the change, so that the change and its record commit or roll back
 * together.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext EntityManager em;

  /**
   * @param actor who acted; null when the system itself did (start-up configuration)
   * @param action a stable dotted name, e.g. {@code member.roles.replace}
   * @param before the subject's relevant state before, in a short readable form (or null)
   * @param after the state after (or null)
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public void record(
      MemberId actor,
      String action,
      String subjectType,
      String subjectId,
      String before,
      String after) {
    em.persist(new AuditEntry(actor, action, subjectType, subjectId, before, after, Instant.now()));
  }

  /** Newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AuditEntry> page(int limit, int offset) {
    return em.createQuery("SELECT a FROM AuditEntry a ORDER BY a.id DESC", AuditEntry.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count() {
    return em.createQuery("SELECT COUNT(a) FROM AuditEntry a", Long.class).getSingleResult();
  }
}
