package org.tribune.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.tribune.identity.control.PasswordHashing;
import org.tribune.identity.control.PasswordPolicy;
import org.tribune.identity.entity.EmailAddress;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;

/** Members: sign-up, profiles, role grants and the first admin. */
@ApplicationScoped
@Transactional
public class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing passwords;
  @Inject AuditLog audit;
  @Inject Event<CredentialsChanged> credentialsChanged;
  @Inject Config config;

  /** The fields of a sign-up, as the client sent them. */
  public record Registration(
      String email,
      String password,
      String displayName,
      String locale,
      String memberType,
      String deviceLine,
      String region) {}

  public Member signUp(Registration r) {
    EmailAddress email = EmailAddress.parse(r.email());
    PasswordPolicy.check(r.password(), email);
    if (byEmail(email).isPresent()) {
      throw emailTaken();
    }
    Member member =
        Member.register(
            email,
            passwords.hash(r.password()),
            r.displayName(),
            r.locale(),
            r.memberType(),
            r.deviceLine(),
            r.region(),
            Instant.now());
    try {
      em.persist(member);
      em.flush();
    } catch (PersistenceException e) {
      // Two sign-ups with the same email at once: the unique constraint decides.
      throw emailTaken();
    }
    return member;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Member find(MemberId id) {
    Member member = em.find(Member.class, id.value());
    if (member == null) {
      throw DomainException.notFound("Member", id);
    }
    return member;
  }

  public Member changeProfile(MemberId id, String displayName, String locale) {
    Member member = find(id);
    member.changeProfile(displayName, locale);
    return member;
  }

  /**
   * Replaces a member's roles. Refuses to leave the instance without an admin: the admins' rows are
   * locked before they are counted, so two admins demoting each other at once cannot both succeed.
   */
  public Member replaceRoles(MemberId actor, MemberId target, List<String> roles) {
    if (roles == null) {
      throw DomainException.invalid("roles", "is required");
    }
    Member member = find(target);
    String before = String.join(",", new TreeSet<>(member.roles()));
    if (member.has(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
      for (Long adminId : adminIds()) {
        em.find(Member.class, adminId, LockModeType.PESSIMISTIC_WRITE);
      }
      if (adminIds().size() <= 1) {
        throw DomainException.conflict(
            "last-admin",
            "Last admin",
            "Member " + target + " is the only admin; grant admin to someone else first.");
      }
    }
    member.replaceRoles(roles);
    String after = String.join(",", new TreeSet<>(member.roles()));
    if (!before.equals(after)) {
      audit.record(actor, "member.roles.replace", "member", target.toString(), before, after);
      credentialsChanged.fire(new CredentialsChanged(target, null));
    }
    return member;
  }

  /**
   * Makes sure the instance has an admin: if none exists and {@code tribune.admin.email} and {@code
   * tribune.admin.password} are configured, that member is created (or, if they already have an
   * account, promoted) with roles member and admin. There is deliberately no built-in default: an
   * unconfigured instance simply has no admin until one is configured.
   */
  public void ensureFirstAdmin() {
    if (!adminIds().isEmpty()) {
      return;
    }
    Optional<String> email = config.getOptionalValue("tribune.admin.email", String.class);
    Optional<String> password = config.getOptionalValue("tribune.admin.password", String.class);
    if (email.isEmpty() || password.isEmpty()) {
      LOG.warning(
          "No admin exists. Set TRIBUNE_ADMIN_EMAIL and TRIBUNE_ADMIN_PASSWORD to create one.");
      return;
    }
    EmailAddress address;
    try {
      address = EmailAddress.parse(email.get());
      PasswordPolicy.check(password.get(), address);
    } catch (DomainException e) {
      LOG.severe("The configured first admin is not usable: " + e.getMessage());
      return;
    }
    Optional<Member> existing = byEmail(address);
    if (existing.isPresent()) {
      Member member = existing.get();
      String before = String.join(",", new TreeSet<>(member.roles()));
      member.grant(Roles.ADMIN);
      audit.record(
          null,
          "member.first-admin.promote",
          "member",
          member.id().toString(),
          before,
          String.join(",", new TreeSet<>(member.roles())));
      credentialsChanged.fire(new CredentialsChanged(member.id(), null));
      LOG.info("Promoted " + address + " to admin from configuration.");
      return;
    }
    Member admin =
        Member.register(
            address,
            passwords.hash(password.get()),
            "Administrator",
            "en",
            "enthusiast",
            null,
            null,
            Instant.now());
    admin.grant(Roles.ADMIN);
    em.persist(admin);
    em.flush();
    audit.record(
        null, "member.first-admin.create", "member", admin.id().toString(), null, "admin,member");
    LOG.info("Created the first admin " + address + " from configuration.");
  }

  Optional<Member> byEmail(EmailAddress email) {
    return em.createNamedQuery(Member.BY_EMAIL, Member.class)
        .setParameter("email", email.value())
        .getResultStream()
        .findFirst();
  }

  private List<Long> adminIds() {
    return em.createNamedQuery(Member.IDS_WITH_ROLE, Long.class)
        .setParameter("role", Roles.ADMIN)
        .getResultList();
  }

  private static DomainException emailTaken() {
    return DomainException.conflict(
        "email-taken", "Email taken", "An account with this email already exists.");
  }
}
