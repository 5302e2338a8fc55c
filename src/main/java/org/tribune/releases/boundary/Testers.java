package org.tribune.releases.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribune.identity.boundary.AuditLog;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.releases.control.ReleaseSettings;
import org.tribune.releases.control.TesterActivityRule;
import org.tribune.releases.entity.Build;
import org.tribune.releases.entity.TrustedTester;

/**
 * The trusted early group: community managers invite members per device; the activity rule is
 * applied whenever a membership is read (nothing is scheduled), removing testers who stopped giving
 * verdicts, with a cool-down before they can be invited again. Testers see their own standing.
 */
@ApplicationScoped
@Transactional
public class Testers {

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject CurrentMember current;
  @Inject ReleaseSettings settings;
  @Inject Builds builds;
  @Inject AuditLog audit;

  public record TesterView(
      long memberId,
      String displayName,
      DeviceView device,
      String status,
      Instant invitedAt,
      Instant removedAt,
      String removalReason,
      Instant coolDownUntil,
      List<Boolean> recentVerdicts,
      int missedToRemove) {}

  public TesterView invite(long memberId, long deviceId) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    if (em.find(Member.class, memberId) == null) {
      throw DomainException.invalid("memberId", "no member " + memberId);
    }
    builds.device(deviceId);
    Instant now = settings.clock().instant();
    TrustedTester tester = em.find(TrustedTester.class, memberId);
    if (tester == null) {
      tester = new TrustedTester(new MemberId(memberId), deviceId, manager, now);
      em.persist(tester);
    } else {
      tester.reinvite(deviceId, manager, now);
    }
    em.flush();
    audit.record(
        manager, "tester.invite", "member", Long.toString(memberId), null, "device " + deviceId);
    return view(tester);
  }

  public TesterView remove(long memberId, String reason) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      throw DomainException.invalid("reason", "is required, at most 1000 characters");
    }
    TrustedTester tester = em.find(TrustedTester.class, memberId);
    if (tester == null || !tester.active()) {
      throw DomainException.notFound("Active tester", memberId);
    }
    Instant now = settings.clock().instant();
    tester.remove(reason.strip(), now, settings.testerActivity().coolDownUntil(now));
    audit.record(manager, "tester.remove", "member", Long.toString(memberId), "active", reason);
    return view(tester);
  }

  public List<TesterView> list() {
    current.requireRole(Roles.COMMUNITY_MANAGER);
    List<TesterView> views = new ArrayList<>();
    for (TrustedTester t :
        em.createQuery("SELECT t FROM TrustedTester t ORDER BY t.memberId", TrustedTester.class)
            .getResultList()) {
      applyActivityRule(t);
      views.add(view(t));
    }
    return views;
  }

  /** The caller's own standing; empty when they were never a tester. */
  public Optional<TesterView> mine() {
    MemberId member = current.requireRole(Roles.MEMBER);
    TrustedTester tester = em.find(TrustedTester.class, member.value());
    if (tester == null) {
      return Optional.empty();
    }
    applyActivityRule(tester);
    return Optional.of(view(tester));
  }

  private void applyActivityRule(TrustedTester tester) {
    if (!tester.active()) {
      return;
    }
    TesterActivityRule rule = settings.testerActivity();
    List<Boolean> recent = recentVerdicts(tester);
    if (rule.removes(recent)) {
      Instant now = settings.clock().instant();
      tester.remove(rule.reason(), now, rule.coolDownUntil(now));
      audit.record(
          null,
          "tester.remove",
          "member",
          Long.toString(tester.memberId()),
          "active",
          rule.reason());
    }
  }

  /**
   * Whether the tester gave a verdict on each recent closed build of their device, newest first.
   */
  private List<Boolean> recentVerdicts(TrustedTester tester) {
    Instant now = settings.clock().instant();
    List<Build> closed =
        em.createQuery(
                "SELECT b FROM Build b WHERE b.deviceId = :d AND b.developerAt <= :now"
                    + " AND b.trustedAt >= :joined ORDER BY b.developerAt DESC",
                Build.class)
            .setParameter("d", tester.deviceId())
            .setParameter("now", now)
            .setParameter("joined", tester.invitedAt())
            .setMaxResults(Math.max(settings.testerActivity().missedToRemove(), 4))
            .getResultList();
    List<Boolean> gave = new ArrayList<>();
    for (Build b : closed) {
      Number n =
          (Number)
              em.createNativeQuery(
                      "SELECT COUNT(*) FROM build_verdict WHERE member_id = ? AND build_id = ?")
                  .setParameter(1, tester.memberId())
                  .setParameter(2, b.id())
                  .getSingleResult();
      gave.add(n.longValue() > 0);
    }
    return gave;
  }

  private TesterView view(TrustedTester t) {
    Member member = em.find(Member.class, t.memberId());
    return new TesterView(
        t.memberId(),
        member == null ? null : member.displayName(),
        DeviceView.of(builds.device(t.deviceId())),
        t.status(),
        t.invitedAt(),
        t.removedAt(),
        t.removalReason(),
        t.coolDownUntil(),
        t.active() ? recentVerdicts(t) : List.of(),
        settings.testerActivity().missedToRemove());
  }
}
