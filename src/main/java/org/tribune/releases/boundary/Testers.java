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
import org.tribune.identity.boundary.Accounts;
import org.tribune.identity.boundary.AuditLog;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.releases.control.ReleaseSettings;
import org.tribune.releases.control.TesterActivityRule;
import org.tribune.releases.entity.Build;
import org.tribune.releases.entity.TesterApplication;
import org.tribune.releases.entity.TrustedTester;

/**
 * The trusted early group. One truth: a member is a tester when they hold the identity role {@code
 * trusted_tester} (granted and revoked here through {@link Accounts}, audited there) and their
 * {@link TrustedTester} row names the device. Members apply; community managers invite (which
 * grants the role and decides the application), decline an application with a reason the applicant
 * sees, or remove a tester (which revokes the role). The activity rule is applied whenever a
 * membership is read or a tester gives a verdict (nothing is scheduled), removing testers who
 * stopped giving verdicts, with a cool-down before they can apply or be invited again. Testers see
 * their own standing, cool-down included.
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
  @Inject Accounts accounts;

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
      int missedToRemove,
      int missedInARow,
      boolean warned,
      List<RecentBuild> recentBuilds) {}

  /** One of the newest closed builds of the tester's device, with their verdict (null: none). */
  public record RecentBuild(long buildId, String version, String verdict) {}

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
      sync(tester);
      tester.reinvite(deviceId, manager, now);
    }
    role(manager, memberId, true);
    for (TesterApplication open : openApplications(memberId)) {
      open.invited(manager, now);
    }
    em.flush();
    audit.record(
        manager, "tester.invite", "member", Long.toString(memberId), null, "device " + deviceId);
    return view(tester);
  }

  public record ApplicationView(
      long id,
      long memberId,
      String displayName,
      DeviceView device,
      String motivation,
      Instant appliedAt,
      String outcome,
      Instant decidedAt,
      String declineReason) {}

  /**
   * The caller applies to test a device: refused while they are a tester, while an application of
   * theirs is open, and during a cool-down after a removal (409, with the cool-down's end).
   */
  public ApplicationView apply(long deviceId, String motivation) {
    MemberId member = current.requireRole(Roles.MEMBER);
    builds.device(deviceId);
    Instant now = settings.clock().instant();
    TrustedTester tester = em.find(TrustedTester.class, member.value());
    if (tester != null) {
      sync(tester);
      if (tester.active()) {
        throw DomainException.conflict(
            "already-tester", "Already a tester", "You are already a trusted tester.");
      }
      tester.requireCoolDownOver(now);
    }
    if (!openApplications(member.value()).isEmpty()) {
      throw DomainException.conflict(
          "already-applied", "Already applied", "Your application is waiting for a decision.");
    }
    TesterApplication application = new TesterApplication(member, deviceId, motivation, now);
    em.persist(application);
    em.flush();
    return view(application);
  }

  /** Open applications, oldest first (community manager). */
  public List<ApplicationView> applications() {
    current.requireRole(Roles.COMMUNITY_MANAGER);
    return em
        .createQuery(
            "SELECT a FROM TesterApplication a WHERE a.outcome = :open ORDER BY a.appliedAt, a.id",
            TesterApplication.class)
        .setParameter("open", TesterApplication.OPEN)
        .getResultList()
        .stream()
        .map(this::view)
        .toList();
  }

  /**
   * A manager declines an open application with a reason the applicant sees (audited as {@code
   * tester.decline}); 409 {@code application-decided} once it was invited or declined. The member
   * may apply again at once.
   */
  public ApplicationView decline(long applicationId, String reason) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    TesterApplication application = em.find(TesterApplication.class, applicationId);
    if (application == null) {
      throw DomainException.notFound("Tester application", applicationId);
    }
    application.decline(manager, reason, settings.clock().instant());
    em.flush();
    audit.record(
        manager,
        "tester.decline",
        "member",
        Long.toString(application.memberId()),
        "application " + applicationId + " open",
        application.declineReason());
    return view(application);
  }

  /** The caller's latest application, open or decided; empty when they never applied. */
  public Optional<ApplicationView> myApplication() {
    MemberId member = current.requireRole(Roles.MEMBER);
    return em
        .createQuery(
            "SELECT a FROM TesterApplication a WHERE a.memberId = :m"
                + " ORDER BY a.appliedAt DESC, a.id DESC",
            TesterApplication.class)
        .setParameter("m", member.value())
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(this::view);
  }

  private List<TesterApplication> openApplications(long memberId) {
    return em.createQuery(
            "SELECT a FROM TesterApplication a WHERE a.memberId = :m AND a.outcome = :open",
            TesterApplication.class)
        .setParameter("m", memberId)
        .setParameter("open", TesterApplication.OPEN)
        .getResultList();
  }

  private ApplicationView view(TesterApplication a) {
    Member member = em.find(Member.class, a.memberId());
    return new ApplicationView(
        a.id(),
        a.memberId(),
        member == null ? null : member.displayName(),
        DeviceView.of(builds.device(a.deviceId())),
        a.motivation(),
        a.appliedAt(),
        a.outcome(),
        a.decidedAt(),
        a.declineReason());
  }

  /** Grants or revokes the identity role, through identity (which audits and drops caches). */
  private void role(MemberId actor, long memberId, boolean granted) {
    Member member = accounts.find(new MemberId(memberId));
    if (member.has(Roles.TRUSTED_TESTER) == granted) {
      return;
    }
    List<String> roles = new ArrayList<>(member.roles());
    if (granted) {
      roles.add(Roles.TRUSTED_TESTER);
    } else {
      roles.remove(Roles.TRUSTED_TESTER);
    }
    accounts.replaceRoles(actor, member.id(), roles);
  }

  /**
   * An active row whose member no longer holds the role (an admin revoked it) is ended here,
   * without a cool-down: the role is the truth.
   */
  private void sync(TrustedTester tester) {
    if (tester.active()) {
      Member member = em.find(Member.class, tester.memberId());
      if (member == null || !member.has(Roles.TRUSTED_TESTER)) {
        tester.remove("The trusted_tester role was revoked.", settings.clock().instant(), null);
      }
    }
  }

  /**
   * A manager removes a tester with a reason. The cool-down is the configured one unless the
   * manager gives {@code coolDownDays} (0 for none, e.g. when the tester asked to leave).
   */
  public TesterView remove(long memberId, String reason, Integer coolDownDays) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      throw DomainException.invalid("reason", "is required, at most 1000 characters");
    }
    if (coolDownDays != null && (coolDownDays < 0 || coolDownDays > 365)) {
      throw DomainException.invalid("coolDownDays", "0 to 365");
    }
    TrustedTester tester = em.find(TrustedTester.class, memberId);
    if (tester != null) {
      sync(tester);
    }
    if (tester == null || !tester.active()) {
      throw DomainException.notFound("Active tester", memberId);
    }
    Instant now = settings.clock().instant();
    Instant coolDownUntil =
        coolDownDays == null
            ? settings.testerActivity().coolDownUntil(now)
            : coolDownDays == 0 ? null : now.plus(java.time.Duration.ofDays(coolDownDays));
    tester.remove(reason.strip(), now, coolDownUntil);
    role(manager, memberId, false);
    audit.record(manager, "tester.remove", "member", Long.toString(memberId), "active", reason);
    return view(tester);
  }

  public List<TesterView> list() {
    current.requireRole(Roles.COMMUNITY_MANAGER);
    List<TesterView> views = new ArrayList<>();
    for (TrustedTester t :
        em.createQuery("SELECT t FROM TrustedTester t ORDER BY t.memberId", TrustedTester.class)
            .getResultList()) {
      sync(t);
      applyActivityRule(t);
      views.add(view(t));
    }
    return views;
  }

  /**
   * Applies the activity rule to every active tester (the scheduled check, no caller); answers how
   * many it removed.
   */
  public int applyActivityRuleToAll() {
    int removed = 0;
    for (TrustedTester t :
        em.createQuery(
                "SELECT t FROM TrustedTester t WHERE t.removedAt IS NULL ORDER BY t.memberId",
                TrustedTester.class)
            .getResultList()) {
      sync(t);
      applyActivityRule(t);
      if (!t.active()) {
        removed++;
      }
    }
    return removed;
  }

  /** The caller's own standing; empty when they were never a tester. */
  public Optional<TesterView> mine() {
    MemberId member = current.requireRole(Roles.MEMBER);
    TrustedTester tester = em.find(TrustedTester.class, member.value());
    if (tester == null) {
      return Optional.empty();
    }
    sync(tester);
    applyActivityRule(tester);
    return Optional.of(view(tester));
  }

  /** Brings the caller's standing up to date before they give a verdict (the rule may remove). */
  public void refresh(MemberId member) {
    TrustedTester tester = em.find(TrustedTester.class, member.value());
    if (tester != null) {
      sync(tester);
      applyActivityRule(tester);
    }
  }

  private void applyActivityRule(TrustedTester tester) {
    if (!tester.active()) {
      return;
    }
    TesterActivityRule rule = settings.testerActivity();
    List<Boolean> recent = gave(recentBuilds(tester));
    if (rule.removes(recent)) {
      Instant now = settings.clock().instant();
      tester.remove(rule.reason(), now, rule.coolDownUntil(now));
      role(null, tester.memberId(), false);
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
   * The recent closed builds of the tester's device (verdict window over, released to testers since
   * they joined), newest first, each with the tester's verdict if they gave one.
   */
  private List<RecentBuild> recentBuilds(TrustedTester tester) {
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
    List<RecentBuild> recent = new ArrayList<>();
    for (Build b : closed) {
      List<?> verdict =
          em.createNativeQuery(
                  "SELECT verdict FROM build_verdict WHERE member_id = ? AND build_id = ?")
              .setParameter(1, tester.memberId())
              .setParameter(2, b.id())
              .getResultList();
      recent.add(
          new RecentBuild(
              b.id(), b.buildVersion(), verdict.isEmpty() ? null : String.valueOf(verdict.get(0))));
    }
    return recent;
  }

  private static List<Boolean> gave(List<RecentBuild> recent) {
    return recent.stream().map(b -> b.verdict() != null).toList();
  }

  private TesterView view(TrustedTester t) {
    Member member = em.find(Member.class, t.memberId());
    TesterActivityRule rule = settings.testerActivity();
    List<RecentBuild> recent = t.active() ? recentBuilds(t) : List.of();
    List<Boolean> gave = gave(recent);
    return new TesterView(
        t.memberId(),
        member == null ? null : member.displayName(),
        DeviceView.of(builds.device(t.deviceId())),
        t.status(),
        t.invitedAt(),
        t.removedAt(),
        t.removalReason(),
        t.coolDownUntil(),
        gave,
        rule.missedToRemove(),
        TesterActivityRule.missedInARow(gave),
        t.active() && rule.warns(gave),
        recent);
  }
}
