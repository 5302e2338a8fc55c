package org.tribune.releases.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;

/**
 * A ROM build for one device model: its changelog, its channel timeline (trusted testers from
 * {@code trustedAt}, the public developer channel from {@code developerAt}, stable when promoted),
 * the halts and resumes of its rollout, and the testers' verdict.
 *
 * <p>Invariants: the changelog is fixed once published; a halted rollout is resumed only by a
 * person, and not while the build is judged bad — the company must override the verdict first, with
 * a reason that is shown publicly; once overridden, the bad-build rule no longer changes the
 * verdict.
 */
@Entity
@Table(name = "build")
public class Build {

  public static final int MAX_VERSION = 60;
  public static final int MAX_LINE = 500;
  public static final int MAX_LINES = 50;
  public static final int MAX_REASON = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "device_id", nullable = false)
  private long deviceId;

  @Column(name = "build_version", nullable = false)
  private String buildVersion;

  @Convert(converter = org.tribune.platform.entity.InstantColumn.class)
  @Column(name = "trusted_at", nullable = false)
  private Instant trustedAt;

  @Convert(converter = org.tribune.platform.entity.InstantColumn.class)
  @Column(name = "developer_at", nullable = false)
  private Instant developerAt;

  @Convert(converter = org.tribune.platform.entity.InstantColumn.class)
  @Column(name = "stable_at")
  private Instant stableAt;

  @Column(name = "rollout_steps", nullable = false)
  private String rolloutSteps;

  @Column(name = "rollout_days", nullable = false)
  private int rolloutDays;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BuildVerdict verdict;

  @Column(name = "verdict_reason")
  private String verdictReason;

  @Convert(converter = org.tribune.platform.entity.InstantColumn.class)
  @Column(name = "verdict_at")
  private Instant verdictAt;

  @Column(name = "override_decision")
  private String overrideDecision;

  @Column(name = "override_reason")
  private String overrideReason;

  @Column(name = "override_by")
  private Long overrideBy;

  @Convert(converter = org.tribune.platform.entity.InstantColumn.class)
  @Column(name = "override_at")
  private Instant overrideAt;

  @Column(name = "created_by", nullable = false)
  private long createdBy;

  @Convert(converter = org.tribune.platform.entity.InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  @OneToMany(mappedBy = "build", cascade = CascadeType.PERSIST)
  @OrderBy("position")
  private List<BuildChange> changes = new ArrayList<>();

  @OneToMany(mappedBy = "build", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<RolloutEvent> events = new ArrayList<>();

  protected Build() {}

  /** A changelog line as a manager writes it. */
  public record Line(String text, Long ideaId) {}

  /**
   * Publishes a build. Trusted testers get it {@code earlyAccess} before the public developer
   * release.
   */
  public static Build publish(
      long deviceId,
      String version,
      Instant developerAt,
      Duration earlyAccess,
      String rolloutSteps,
      int rolloutDays,
      List<Line> lines,
      MemberId publisher,
      Instant now) {
    if (version == null || version.isBlank() || version.strip().length() > MAX_VERSION) {
      throw DomainException.invalid("version", "is required, at most " + MAX_VERSION + " chars");
    }
    if (developerAt == null) {
      throw DomainException.invalid("releaseAt", "is required");
    }
    if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
      throw DomainException.invalid("changelog", "1 to " + MAX_LINES + " lines");
    }
    Build build = new Build();
    build.deviceId = deviceId;
    build.buildVersion = version.strip();
    build.developerAt = developerAt;
    build.trustedAt = developerAt.minus(earlyAccess);
    build.rolloutSteps = rolloutSteps;
    build.rolloutDays = rolloutDays;
    build.verdict = BuildVerdict.PENDING;
    build.createdBy = publisher.value();
    build.createdAt = now;
    int position = 0;
    for (Line line : lines) {
      if (line == null || line.text() == null || line.text().isBlank()) {
        throw DomainException.invalid("changelog[" + position + "].text", "is required");
      }
      if (line.text().strip().length() > MAX_LINE) {
        throw DomainException.invalid(
            "changelog[" + position + "].text", "at most " + MAX_LINE + " characters");
      }
      build.changes.add(new BuildChange(build, position++, line.text().strip(), line.ideaId()));
    }
    return build;
  }

  public Channel channel(Instant now) {
    if (stableAt != null && !now.isBefore(stableAt)) {
      return Channel.STABLE;
    }
    if (!now.isBefore(developerAt)) {
      return Channel.DEVELOPER;
    }
    if (!now.isBefore(trustedAt)) {
      return Channel.TRUSTED;
    }
    return Channel.UPCOMING;
  }

  public boolean halted() {
    return !events.isEmpty() && events.get(events.size() - 1).halt();
  }

  /** A person halts the rollout (a manager) — or, with no actor, the bad-build rule. */
  public void halt(String reason, MemberId actor, Instant now) {
    String why = requireReason(reason);
    if (halted()) {
      throw DomainException.conflict(
          "rollout-halted", "Rollout already halted", "The rollout of this build is halted.");
    }
    events.add(new RolloutEvent(this, RolloutEvent.HALT, now, why, actor));
  }

  public void resume(String reason, MemberId actor, Instant now) {
    String why = requireReason(reason);
    if (!halted()) {
      throw DomainException.conflict(
          "rollout-not-halted", "Rollout not halted", "The rollout of this build is running.");
    }
    if (verdict == BuildVerdict.BAD) {
      throw DomainException.conflict(
          "build-bad",
          "Build judged bad",
          "Testers judged this build bad; override the verdict (with a reason) before resuming.");
    }
    events.add(new RolloutEvent(this, RolloutEvent.RESUME, now, why, actor));
  }

  /**
   * The bad-build rule said bad. Returns true if the build has just become bad (the caller opens
   * the engineering follow-up); the rollout halts unless it already is. Overridden verdicts stay.
   */
  public boolean judgeBad(String reason, Instant now) {
    if (verdict == BuildVerdict.BAD || verdict.overridden()) {
      return false;
    }
    verdict = BuildVerdict.BAD;
    verdictReason = reason;
    verdictAt = now;
    if (!halted()) {
      events.add(
          new RolloutEvent(
              this,
              RolloutEvent.HALT,
              now,
              "Trusted testers judged the build bad: " + reason,
              null));
    }
    return true;
  }

  /** The rule passed the build after its window; later bad verdicts may still make it bad. */
  public void judgePassed(Instant now) {
    if (verdict == BuildVerdict.PENDING) {
      verdict = BuildVerdict.PASSED;
      verdictAt = now;
    }
  }

  /**
   * A company override of a bad verdict: ship anyway (the verdict stays on record) or clear it (the
   * verdict was wrong). Either way the reason is public and a rollout halted by the verdict
   * resumes.
   */
  public void override(boolean shipAnyway, String reason, MemberId actor, Instant now) {
    String why = requireReason(reason);
    if (verdict != BuildVerdict.BAD) {
      throw DomainException.conflict(
          "build-not-bad",
          "Build not judged bad",
          "Only a build the testers judged bad can be overridden (it is " + verdict.wire() + ").");
    }
    verdict = shipAnyway ? BuildVerdict.SHIPPED_ANYWAY : BuildVerdict.CLEARED;
    overrideDecision = shipAnyway ? "ship_anyway" : "clear_verdict";
    overrideReason = why;
    overrideBy = actor.value();
    overrideAt = now;
    if (halted()) {
      events.add(
          new RolloutEvent(this, RolloutEvent.RESUME, now, "Company override: " + why, actor));
    }
  }

  public void promoteToStable(Instant now) {
    if (stableAt != null) {
      throw DomainException.conflict(
          "already-stable", "Already on stable", "This build is already on the stable channel.");
    }
    if (now.isBefore(developerAt)) {
      throw DomainException.conflict(
          "not-released", "Not released", "A build reaches stable after its developer release.");
    }
    if (verdict == BuildVerdict.BAD) {
      throw DomainException.conflict(
          "build-bad", "Build judged bad", "A build judged bad cannot be promoted to stable.");
    }
    stableAt = now;
  }

  public boolean notRecommended() {
    return verdict == BuildVerdict.BAD;
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("reason", "is required");
    }
    if (reason.strip().length() > MAX_REASON) {
      throw DomainException.invalid("reason", "at most " + MAX_REASON + " characters");
    }
    return reason.strip();
  }

  public Long id() {
    return id;
  }

  public long deviceId() {
    return deviceId;
  }

  public String buildVersion() {
    return buildVersion;
  }

  public Instant trustedAt() {
    return trustedAt;
  }

  public Instant developerAt() {
    return developerAt;
  }

  public Instant stableAt() {
    return stableAt;
  }

  public String rolloutSteps() {
    return rolloutSteps;
  }

  public int rolloutDays() {
    return rolloutDays;
  }

  public BuildVerdict verdict() {
    return verdict;
  }

  public String verdictReason() {
    return verdictReason;
  }

  public Instant verdictAt() {
    return verdictAt;
  }

  public String overrideDecision() {
    return overrideDecision;
  }

  public String overrideReason() {
    return overrideReason;
  }

  public Long overrideBy() {
    return overrideBy;
  }

  public Instant overrideAt() {
    return overrideAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<BuildChange> changes() {
    return List.copyOf(changes);
  }

  public List<RolloutEvent> events() {
    return List.copyOf(events);
  }
}
