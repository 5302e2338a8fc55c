package org.tribune.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A person with an account. The email is the sign-in name, stored normalised and unique. Every
 * member holds the role {@link Roles#MEMBER} for as long as the account exists; the other roles are
 * granted by admins. The password hash is null for accounts that sign in elsewhere (OpenID Connect
 * in production).
 */
@Entity
@Table(name = "member")
@NamedQuery(name = Member.BY_EMAIL, query = "SELECT m FROM Member m WHERE m.email = :email")
@NamedQuery(
    name = Member.IDS_WITH_ROLE,
    query = "SELECT m.id FROM Member m JOIN m.roles r WHERE r = :role ORDER BY m.id")
public class Member {

  public static final String BY_EMAIL = "Member.byEmail";
  public static final String IDS_WITH_ROLE = "Member.idsWithRole";
  public static final Set<String> LOCALES = Set.of("en", "zh-CN");
  static final int MAX_DISPLAY_NAME = 80;
  static final int MAX_DEVICE_LINE = 40;
  static final int MAX_REGION = 40;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String email;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "password_hash")
  private String passwordHash;

  private String locale;

  @Column(name = "member_type")
  private String memberType;

  @Column(name = "device_line")
  private String deviceLine;

  private String region;

  @Column(name = "joined_on")
  private LocalDate joinedOn;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at")
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "member_role", joinColumns = @JoinColumn(name = "member_id"))
  @Column(name = "role_name")
  private Set<String> roles = new TreeSet<>();

  protected Member() {}

  /** Validates every profile field at once; the password is checked by the password policy. */
  public static Member register(
      EmailAddress email,
      String passwordHash,
      String displayName,
      String locale,
      String memberType,
      String deviceLine,
      String region,
      Instant now) {
    Violations violations = new Violations();
    checkDisplayName(displayName, violations);
    checkLocale(locale, violations);
    if (memberType == null || MemberType.fromWire(memberType).isEmpty()) {
      violations.add("memberType", "must be one of " + wireNames());
    }
    checkOptional("deviceLine", deviceLine, MAX_DEVICE_LINE, violations);
    checkOptional("region", region, MAX_REGION, violations);
    violations.throwIfAny();

    Member m = new Member();
    m.email = email.value();
    m.passwordHash = passwordHash;
    m.displayName = displayName.strip();
    m.locale = locale;
    m.memberType = memberType;
    m.deviceLine = blankToNull(deviceLine);
    m.region = blankToNull(region);
    m.createdAt = now;
    m.joinedOn = LocalDate.ofInstant(now, ZoneOffset.UTC);
    m.roles.add(Roles.MEMBER);
    return m;
  }

  /** Changes what a member may change about themselves; null leaves a field as it is. */
  public void changeProfile(String newDisplayName, String newLocale) {
    Violations violations = new Violations();
    if (newDisplayName != null) {
      checkDisplayName(newDisplayName, violations);
    }
    if (newLocale != null) {
      checkLocale(newLocale, violations);
    }
    violations.throwIfAny();
    if (newDisplayName != null) {
      displayName = newDisplayName.strip();
    }
    if (newLocale != null) {
      locale = newLocale;
    }
  }

  /**
   * Replaces the granted roles. {@link Roles#MEMBER} is kept whether or not it is listed: it is
   * what having an account means, not a grant.
   */
  public void replaceRoles(Collection<String> granted) {
    Violations violations = new Violations();
    for (String role : granted) {
      if (role == null || !Roles.ALL.contains(role)) {
        violations.add(
            "roles", "unknown role " + role + "; known: " + String.join(", ", Roles.ALL));
      }
    }
    violations.throwIfAny();
    roles.clear();
    roles.addAll(granted);
    roles.add(Roles.MEMBER);
  }

  public void grant(String role) {
    if (!Roles.ALL.contains(role)) {
      throw DomainException.invalid("roles", "unknown role " + role);
    }
    roles.add(role);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public MemberId id() {
    return new MemberId(id);
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String locale() {
    return locale;
  }

  public String memberType() {
    return memberType;
  }

  public String deviceLine() {
    return deviceLine;
  }

  public String region() {
    return region;
  }

  public LocalDate joinedOn() {
    return joinedOn;
  }

  public Set<String> roles() {
    return Set.copyOf(roles);
  }

  private static void checkDisplayName(String name, Violations violations) {
    if (name == null || name.isBlank()) {
      violations.add("displayName", "is required");
    } else if (name.strip().length() > MAX_DISPLAY_NAME) {
      violations.add("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters");
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      violations.add("displayName", "must not contain control characters");
    }
  }

  private static void checkLocale(String locale, Violations violations) {
    if (locale == null || !LOCALES.contains(locale)) {
      violations.add("locale", "must be en or zh-CN");
    }
  }

  private static void checkOptional(String field, String value, int max, Violations violations) {
    if (value != null && value.strip().length() > max) {
      violations.add(field, "must be at most " + max + " characters");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String wireNames() {
    return String.join(
        ", ", java.util.Arrays.stream(MemberType.values()).map(MemberType::wireName).toList());
  }
}
