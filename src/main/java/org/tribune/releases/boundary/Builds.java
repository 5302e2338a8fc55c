package org.tribune.releases.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.tribune.identity.boundary.AuditLog;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.releases.control.BadBuildRule;
import org.tribune.releases.control.BrigadeDetector;
import org.tribune.releases.control.BuildComparison;
import org.tribune.releases.control.BuildVotes;
import org.tribune.releases.control.RatingOutcome;
import org.tribune.releases.control.RatingStore.Score;
import org.tribune.releases.control.ReleaseSettings;
import org.tribune.releases.control.RolloutPlan;
import org.tribune.releases.control.StarDistribution;
import org.tribune.releases.control.StarScore;
import org.tribune.releases.control.VerdictOutcome;
import org.tribune.releases.entity.BrigadeReview;
import org.tribune.releases.entity.Build;
import org.tribune.releases.entity.BuildChange;
import org.tribune.releases.entity.Channel;
import org.tribune.releases.entity.DeviceModel;
import org.tribune.releases.entity.FollowUp;
import org.tribune.releases.entity.RolloutEvent;
import org.tribune.releases.entity.TrustedTester;
import org.tribune.voting.boundary.Ideas;

/**
 * Devices, builds, their rollout and the testers' verdict, one transaction per call. Anyone reads
 * released builds; members report installs; community managers publish, steer rollouts, override
 * verdicts and review brigades; engineers (responders or community managers) confirm P0 reports and
 * resolve follow-ups. Ratings and verdicts themselves are written by the vote ingest ({@link
 * BuildVotes}); this facade applies the bad-build rule to what they add up to.
 *
 * <p>The rule is applied when a verdict or confirmation is written, and lazily when a pending build
 * is read after its verdict window closed: nothing is scheduled, so several instances never race a
 * timer. Whoever gets there first marks the build bad; the build's version column makes the others'
 * attempt fail harmlessly.
 */
@ApplicationScoped
@Transactional
public class Builds {

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject CurrentMember current;
  @Inject ReleaseSettings settings;
  @Inject BuildVotes votes;
  @Inject AuditLog audit;
  @Inject Ideas ideas;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  // ---- devices ----

  public List<DeviceView> devices() {
    return em
        .createQuery("SELECT d FROM DeviceModel d ORDER BY d.name", DeviceModel.class)
        .getResultList()
        .stream()
        .map(DeviceView::of)
        .toList();
  }

  public DeviceView createDevice(String code, String name) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    DeviceModel device = new DeviceModel(code, name, now());
    Long clash =
        em.createQuery(
                "SELECT COUNT(d) FROM DeviceModel d WHERE d.code = :code OR d.name = :name",
                Long.class)
            .setParameter("code", device.code())
            .setParameter("name", device.name())
            .getSingleResult();
    if (clash > 0) {
      throw DomainException.conflict(
          "device-exists", "Device exists", "A device with this code or name already exists.");
    }
    em.persist(device);
    em.flush();
    audit.record(manager, "device.create", "device", device.id().toString(), null, device.code());
    return DeviceView.of(device);
  }

  DeviceModel device(long id) {
    DeviceModel device = em.find(DeviceModel.class, id);
    if (device == null) {
      throw DomainException.notFound("Device", id);
    }
    return device;
  }

  // ---- publishing ----

  /**
   * Publishing's first step (see {@link Publishing}): checks everything about a new build and
   * answers it unsaved, so that nothing is written before the linked ideas' voting is closed.
   */
  public Build prepare(
      long deviceId,
      String version,
      Instant releaseAt,
      String steps,
      Integer days,
      Integer earlyAccessHours,
      List<Build.Line> lines) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    device(deviceId);
    String rolloutSteps = steps == null ? settings.defaultRolloutSteps() : steps.strip();
    int rolloutDays = days == null ? settings.defaultRolloutDays() : days;
    try {
      new RolloutPlan(RolloutPlan.parseSteps(rolloutSteps), rolloutDays);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("rollout", e.getMessage());
    }
    if (lines != null) {
      for (int i = 0; i < lines.size(); i++) {
        Long idea = lines.get(i) == null ? null : lines.get(i).ideaId();
        if (idea != null) {
          try {
            ideas.linked(idea);
          } catch (DomainException e) {
            throw DomainException.invalid("changelog[" + i + "].ideaId", "no idea " + idea);
          }
        }
      }
    }
    Build build =
        Build.publish(
            deviceId,
            version,
            releaseAt,
            earlyAccessHours == null
                ? settings.earlyAccess()
                : java.time.Duration.ofHours(earlyAccessHours),
            rolloutSteps,
            rolloutDays,
            lines,
            manager,
            now());
    Long clash =
        em.createQuery(
                "SELECT COUNT(b) FROM Build b WHERE b.deviceId = :d AND b.buildVersion = :v",
                Long.class)
            .setParameter("d", deviceId)
            .setParameter("v", build.buildVersion())
            .getSingleResult();
    if (clash > 0) {
      throw DomainException.conflict(
          "build-exists", "Build exists", "This device already has a build " + version + ".");
    }
    return build;
  }

  /** Publishing's last step: stores a prepared build with its changelog, score and tally rows. */
  public long store(Build build) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    DeviceModel device = device(build.deviceId());
    em.persist(build);
    em.flush();
    votes.openBuild(build.id());
    audit.record(
        manager,
        "build.publish",
        "build",
        build.id().toString(),
        null,
        device.code() + " " + build.buildVersion() + " release " + build.developerAt());
    return build.id();
  }

  /** The ideas a build's changelog links to. */
  static List<Long> linkedIdeas(Build build) {
    return build.changes().stream()
        .map(BuildChange::ideaId)
        .filter(id -> id != null)
        .distinct()
        .toList();
  }

  // ---- reading ----

  public BuildView view(long id) {
    Build build = visible(id);
    judgeIfWindowClosed(build);
    return assemble(build);
  }

  /** This week's build for a device: the newest on the developer channel. */
  public BuildView current(long deviceId) {
    device(deviceId);
    return latestReleased(deviceId)
        .map(
            b -> {
              judgeIfWindowClosed(b);
              return assemble(b);
            })
        .orElseThrow(
            () ->
                new DomainException(
                    DomainException.Kind.NOT_FOUND,
                    "no-build",
                    "No build",
                    "This device has no released build yet."));
  }

  public DeviceHistory history(long deviceId, int limit) {
    DeviceModel device = device(deviceId);
    Instant now = now();
    boolean early = mayseeEarly(deviceId);
    List<Build> builds =
        em
            .createQuery(
                "SELECT b FROM Build b WHERE b.deviceId = :d ORDER BY b.developerAt DESC, b.id DESC",
                Build.class)
            .setParameter("d", deviceId)
            .setMaxResults(limit)
            .getResultList()
            .stream()
            .filter(b -> early || !now.isBefore(b.developerAt()))
            .toList();
    Map<Long, Score> scores = votes.scores(ids(builds));
    List<DeviceHistory.Item> items = new ArrayList<>();
    List<StarDistribution> recent = new ArrayList<>();
    for (Build b : builds) {
      StarDistribution d = stars(scores, b.id());
      if (!now.isBefore(b.developerAt()) && recent.size() < settings.rollingBuilds()) {
        recent.add(d);
      }
      items.add(
          new DeviceHistory.Item(
              b.id(),
              b.buildVersion(),
              b.channel(now).wire(),
              b.developerAt(),
              d.total(),
              d.mean(),
              StarScore.lowerBound(d),
              b.verdict().wire(),
              b.notRecommended(),
              b.halted()));
    }
    return new DeviceHistory(
        DeviceView.of(device),
        recent.isEmpty() ? null : BuildComparison.rollingScore(recent),
        recent.size(),
        items);
  }

  // ---- installs ----

  /**
   * Records that the caller installed the build, now: a member's own report (portal or API token)
   * is stamped with the server's clock. A repeated report keeps the first.
   */
  public Instant install(long id) {
    MemberId member = current.requireRole(Roles.MEMBER);
    return recordInstall(member, visible(id), null);
  }

  /**
   * A phone's device token reports an install of a build of its device model, possibly earlier than
   * now ({@link DeviceTokens}): not in the future, not before the build was available to the
   * token's member.
   */
  public Instant installFromDevice(MemberId member, long tokenDevice, long id, Instant at) {
    Build build = find(id);
    if (build.deviceId() != tokenDevice) {
      throw DomainException.unprocessable(
          "wrong-device",
          "Wrong device",
          "This device token belongs to another device model than build " + id + ".");
    }
    return recordInstall(member, build, at);
  }

  private Instant recordInstall(MemberId member, Build build, Instant installedAt) {
    long id = build.id();
    Instant now = now();
    Instant at = installedAt == null ? now : installedAt;
    if (at.isAfter(now.plusSeconds(300))) {
      throw DomainException.invalid("installedAt", "is in the future");
    }
    boolean tester = isTester(member, build.deviceId());
    Instant available = tester ? build.trustedAt() : build.developerAt();
    if (now.isBefore(available)) {
      throw DomainException.conflict(
          "build-not-available",
          "Not available yet",
          "This build is not available to you yet (from " + available + ").");
    }
    if (at.isBefore(available)) {
      throw DomainException.invalid("installedAt", "is before the build was available to you");
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT installed_at FROM build_install WHERE member_id = ? AND build_id = ?")) {
        s.setLong(1, member.value());
        s.setLong(2, id);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            return rs.getTimestamp(1).toInstant();
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO build_install (member_id, build_id, installed_at, reported_at)"
                  + " VALUES (?, ?, ?, ?)")) {
        s.setLong(1, member.value());
        s.setLong(2, id);
        s.setTimestamp(3, Timestamp.from(at));
        s.setTimestamp(4, Timestamp.from(now));
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return at;
  }

  // ---- rollout, verdict, overrides ----

  public BuildView halt(long id, String reason) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    Build build = find(id);
    build.halt(reason, manager, now());
    audit.record(manager, "build.halt", "build", Long.toString(id), "running", reason);
    em.flush();
    return assemble(build);
  }

  public BuildView resume(long id, String reason) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    Build build = find(id);
    build.resume(reason, manager, now());
    audit.record(manager, "build.resume", "build", Long.toString(id), "halted", reason);
    em.flush();
    return assemble(build);
  }

  public BuildView override(long id, String decision, String reason) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    boolean shipAnyway;
    if ("ship_anyway".equals(decision)) {
      shipAnyway = true;
    } else if ("clear_verdict".equals(decision)) {
      shipAnyway = false;
    } else {
      throw DomainException.invalid("decision", "must be ship_anyway or clear_verdict");
    }
    Build build = find(id);
    build.override(shipAnyway, reason, manager, now());
    audit.record(
        manager, "build.override", "build", Long.toString(id), "bad", decision + ": " + reason);
    em.flush();
    return assemble(build);
  }

  public BuildView promote(long id) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    Build build = find(id);
    build.promoteToStable(now());
    audit.record(manager, "build.stable", "build", Long.toString(id), "developer", "stable");
    em.flush();
    return assemble(build);
  }

  public BuildView resolveFollowUp(long id, String resolution) {
    MemberId engineer = requireEngineer();
    Build build = find(id);
    FollowUp followUp =
        followUp(id).orElseThrow(() -> DomainException.notFound("Follow-up of build", id));
    followUp.resolve(resolution, engineer, now());
    audit.record(engineer, "build.follow-up", "build", Long.toString(id), "open", resolution);
    em.flush();
    return assemble(build);
  }

  /**
   * Engineers who may confirm P0 reports and resolve follow-ups: responders (the company's people
   * who answer the community) and community managers. There is no separate engineer role.
   */
  public MemberId requireEngineer() {
    MemberId member = current.require();
    if (!current.has(Roles.RESPONDER) && !current.has(Roles.COMMUNITY_MANAGER)) {
      throw DomainException.forbidden("This needs the role responder or community_manager.");
    }
    return member;
  }

  /**
   * Applies the bad-build rule to a build's verdicts now (after a verdict or a confirmation). Its
   * own transaction: it runs after the ingest committed the verdict, on whatever thread completed
   * it.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void judge(long buildId) {
    Build build = em.find(Build.class, buildId, LockModeType.PESSIMISTIC_WRITE);
    if (build != null) {
      apply(build);
    }
  }

  private void judgeIfWindowClosed(Build build) {
    if (build.verdict() == org.tribune.releases.entity.BuildVerdict.PENDING
        && !now().isBefore(build.developerAt())) {
      em.lock(build, LockModeType.PESSIMISTIC_WRITE);
      em.refresh(build);
      apply(build);
      em.flush();
    }
  }

  private void apply(Build build) {
    if (build.verdict().overridden()) {
      return;
    }
    Instant now = now();
    VerdictOutcome.Tally tally = votes.verdictTally(build.id());
    BadBuildRule.Judgement judgement =
        settings
            .badBuildRule()
            .judge(
                tally.good(), tally.bad(), tally.confirmedP0(), !now.isBefore(build.developerAt()));
    if (judgement instanceof BadBuildRule.Bad bad) {
      if (build.judgeBad(bad.reason(), now)) {
        DeviceModel device = device(build.deviceId());
        em.persist(
            new FollowUp(
                build.id(),
                "Build "
                    + build.buildVersion()
                    + " on "
                    + device.name()
                    + " judged bad by trusted testers: "
                    + bad.reason(),
                now,
                now.plus(settings.followUpDeadline())));
        audit.record(null, "build.bad", "build", build.id().toString(), "pending", bad.reason());
      }
    } else if (judgement instanceof BadBuildRule.Passed) {
      build.judgePassed(now);
    }
  }

  // ---- OTA ----

  /**
   * Whether the OTA server should offer a device model's current build on a channel to a subject (a
   * member id or a device id). Trusted: the build in its early window, to the device's testers only
   * (a member subject; a device id cannot be told to be a tester), all of them at once. Developer:
   * the newest publicly released build, staged from its release. Stable: the newest promoted build,
   * staged again from its promotion. Every channel stops for a build judged bad or halted; the
   * cohort of a subject is fixed per build, so a resumed rollout reaches the same ones.
   */
  public OtaOffer offer(String deviceCode, String subject, Channel channel, Long memberId) {
    return offer(deviceCode, subject, channel, memberId, Optional.empty());
  }

  /**
   * As {@link #offer(String, String, Channel, Long)}, asked with a phone's device token: the
   * token's device model must be the one asked about.
   */
  public OtaOffer offer(
      String deviceCode,
      String subject,
      Channel channel,
      Long memberId,
      Optional<Long> tokenDevice) {
    List<DeviceModel> found =
        em.createQuery("SELECT d FROM DeviceModel d WHERE d.code = :c", DeviceModel.class)
            .setParameter("c", deviceCode)
            .getResultList();
    if (found.isEmpty()) {
      throw DomainException.notFound("Device", deviceCode);
    }
    long deviceId = found.get(0).id();
    if (tokenDevice.isPresent() && tokenDevice.get() != deviceId) {
      throw DomainException.unprocessable(
          "wrong-device", "Wrong device", "This device token belongs to another device model.");
    }
    String wire = channel.wire();
    if (channel == Channel.TRUSTED
        && (memberId == null || !isTester(new MemberId(memberId), deviceId))) {
      return new OtaOffer(false, wire, null, null, 0, false, 0, "not-a-tester");
    }
    Optional<Build> latest =
        switch (channel) {
          case TRUSTED -> latestEarly(deviceId);
          case STABLE -> latestStable(deviceId);
          default -> latestReleased(deviceId);
        };
    if (latest.isEmpty()) {
      return new OtaOffer(false, wire, null, null, 0, false, 0, "no-build");
    }
    Build build = latest.get();
    judgeIfWindowClosed(build);
    RolloutPlan.State state =
        switch (channel) {
          case TRUSTED -> new RolloutPlan.State(100, build.halted(), true);
          case STABLE -> rollout(build, build.stableAt());
          default -> rollout(build);
        };
    int cohort = RolloutPlan.cohort(build.id(), subject);
    String reason;
    if (build.notRecommended()) {
      reason = "not-recommended";
    } else if (state.halted()) {
      reason = "halted";
    } else if (!RolloutPlan.offers(state, cohort)) {
      reason = "not-in-cohort";
    } else {
      reason = "offered";
    }
    return new OtaOffer(
        "offered".equals(reason),
        wire,
        build.id(),
        build.buildVersion(),
        state.percent(),
        state.halted(),
        cohort,
        reason);
  }

  // ---- brigades ----

  public record BrigadeDay(
      LocalDate day,
      long count,
      double trailingMean,
      double threshold,
      boolean flagged,
      String decision,
      String note) {}

  /** Flagged days and reviewed days of a build (community manager). */
  public List<BrigadeDay> brigades(long id) {
    current.requireRole(Roles.COMMUNITY_MANAGER);
    find(id);
    TreeMap<LocalDate, Long> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT rated_day, COUNT(*) FROM build_rating WHERE build_id = ?"
                    + " GROUP BY rated_day")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Map<LocalDate, BrigadeReview> reviews = new LinkedHashMap<>();
    em.createQuery("SELECT r FROM BrigadeReview r WHERE r.buildId = :b", BrigadeReview.class)
        .setParameter("b", id)
        .getResultList()
        .forEach(r -> reviews.put(r.day(), r));
    Map<LocalDate, BrigadeDay> days = new TreeMap<>();
    for (BrigadeDetector.Day d : settings.brigadeDetector().flagged(counts)) {
      BrigadeReview r = reviews.get(d.day());
      days.put(
          d.day(),
          new BrigadeDay(
              d.day(),
              d.count(),
              d.trailingMean(),
              d.threshold(),
              true,
              r == null ? null : r.decision(),
              r == null ? null : r.note()));
    }
    for (BrigadeReview r : reviews.values()) {
      days.putIfAbsent(
          r.day(),
          new BrigadeDay(
              r.day(), counts.getOrDefault(r.day(), 0L), 0, 0, false, r.decision(), r.note()));
    }
    return new ArrayList<>(days.values());
  }

  /** A manager judges a day: a brigade (its ratings leave the score, visibly) or genuine. */
  public List<BrigadeDay> review(long id, LocalDate day, boolean brigade, String note) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    find(id);
    BrigadeReview review = new BrigadeReview(id, day, brigade, note, manager, now());
    boolean exists =
        !em.createQuery(
                "SELECT r FROM BrigadeReview r WHERE r.buildId = :b AND r.ratedDay = :d",
                BrigadeReview.class)
            .setParameter("b", id)
            .setParameter("d", day)
            .getResultList()
            .isEmpty();
    if (exists) {
      throw DomainException.conflict(
          "already-reviewed", "Already reviewed", "This day of this build is already reviewed.");
    }
    // Through the ingest before this transaction writes, so the writer never waits on it.
    RatingOutcome outcome = votes.excludeDay(id, day, brigade);
    em.persist(review);
    audit.record(
        manager,
        "build.brigade",
        "build",
        Long.toString(id),
        day.toString(),
        review.decision() + " (" + ((RatingOutcome.DayExcluded) outcome).ratings() + "): " + note);
    em.flush();
    return brigades(id);
  }

  // ---- ratings list ----

  public record RatingItem(
      int stars,
      String comment,
      List<String> tags,
      Instant ratedAt,
      boolean late,
      boolean excluded) {}

  public List<RatingItem> ratings(long id, int limit) {
    visible(id);
    List<RatingItem> items = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT stars, comment_text, tags, rated_at, late, excluded FROM build_rating"
                    + " WHERE build_id = ? ORDER BY rated_at DESC")) {
      s.setLong(1, id);
      s.setMaxRows(limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          items.add(
              new RatingItem(
                  rs.getInt(1),
                  rs.getString(2),
                  tags(rs.getString(3)),
                  rs.getTimestamp(4).toInstant(),
                  rs.getBoolean(5),
                  rs.getBoolean(6)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return items;
  }

  public record VerdictItem(
      long testerId,
      String tester,
      String verdict,
      String severity,
      String evidence,
      String logRef,
      Instant givenAt,
      boolean confirmed) {}

  /** The verdicts on a build, for the device's testers, engineers and managers. */
  public List<VerdictItem> verdicts(long id) {
    Build build = visible(id);
    MemberId member = current.require();
    if (!current.has(Roles.COMMUNITY_MANAGER)
        && !current.has(Roles.RESPONDER)
        && !isTester(member, build.deviceId())) {
      throw DomainException.forbidden("Verdicts are shown to the device's testers and engineers.");
    }
    List<VerdictItem> items = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT v.member_id, m.display_name, v.verdict, v.severity, v.evidence, v.log_ref,"
                    + " v.given_at, v.confirmed_by FROM build_verdict v"
                    + " JOIN member m ON m.id = v.member_id WHERE v.build_id = ?"
                    + " ORDER BY v.given_at DESC")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rs.getLong(8);
          boolean confirmed = !rs.wasNull();
          items.add(
              new VerdictItem(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant(),
                  confirmed));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return items;
  }

  // ---- assembling views ----

  private BuildView assemble(Build build) {
    Instant now = now();
    DeviceModel device = device(build.deviceId());
    RolloutPlan.State state = rollout(build);
    List<BuildView.RolloutEventView> events =
        build.events().stream()
            .map(
                e ->
                    new BuildView.RolloutEventView(
                        e.kind(), e.at(), e.reason(), e.actorId() == null))
            .toList();
    BuildView.Rollout rollout =
        new BuildView.Rollout(
            state.percent(),
            state.offeredPercent(),
            state.halted(),
            Arrays.stream(RolloutPlan.parseSteps(build.rolloutSteps())).boxed().toList(),
            build.rolloutDays(),
            events);
    VerdictOutcome.Tally tally = votes.verdictTally(build.id());
    BuildView.Verdict verdict =
        new BuildView.Verdict(
            build.verdict().wire(),
            build.verdictReason(),
            build.verdictAt(),
            tally.good(),
            tally.bad(),
            tally.confirmedP0(),
            settings.badBuildRule().minimumBad(),
            settings.badBuildRule().fastTrackReports(),
            build.developerAt(),
            build.overrideDecision() == null
                ? null
                : new BuildView.OverrideView(
                    build.overrideDecision(), build.overrideReason(), build.overrideAt()));
    BuildView.FollowUpView followUp =
        followUp(build.id())
            .map(
                f ->
                    new BuildView.FollowUpView(
                        f.id(),
                        f.summary(),
                        f.openedAt(),
                        f.dueAt(),
                        f.overdue(now),
                        f.resolution(),
                        f.resolvedAt()))
            .orElse(null);
    List<Build> previous =
        em.createQuery(
                "SELECT b FROM Build b WHERE b.deviceId = :d AND b.developerAt < :t"
                    + " ORDER BY b.developerAt DESC, b.id DESC",
                Build.class)
            .setParameter("d", build.deviceId())
            .setParameter("t", build.developerAt())
            .setMaxResults(4)
            .getResultList();
    Set<Long> ids = ids(previous);
    ids.add(build.id());
    Map<Long, Score> scores = votes.scores(ids);
    Score own = scores.get(build.id());
    StarDistribution stars = stars(scores, build.id());
    BuildView.ScoreView score =
        new BuildView.ScoreView(
            stars.total(),
            stars.mean(),
            stars.asList(),
            StarScore.lowerBound(stars),
            own == null ? 0 : own.late(),
            own == null ? 0 : own.excluded());
    BuildView.Comparison comparison = null;
    if (!previous.isEmpty()) {
      Build prev = previous.get(0);
      StarDistribution prevStars = stars(scores, prev.id());
      List<StarDistribution> lastFour = previous.stream().map(b -> stars(scores, b.id())).toList();
      comparison =
          new BuildView.Comparison(
              new BuildView.BuildRef(prev.id(), prev.buildVersion()),
              prevStars.mean(),
              StarScore.lowerBound(prevStars),
              BuildComparison.probabilityWorse(stars, prevStars),
              BuildComparison.pooledMean(lastFour),
              lastFour.size());
    }
    return new BuildView(
        build.id(),
        DeviceView.of(device),
        build.buildVersion(),
        build.channel(now).wire(),
        build.trustedAt(),
        build.developerAt(),
        build.stableAt(),
        changelog(build),
        rollout,
        verdict,
        build.notRecommended(),
        followUp,
        score,
        comparison,
        mine(build));
  }

  private List<BuildView.ChangeLine> changelog(Build build) {
    List<BuildView.ChangeLine> lines = new ArrayList<>();
    for (BuildChange change : build.changes()) {
      BuildView.LinkedIdea idea = null;
      if (change.ideaId() != null) {
        Ideas.LinkedIdea linked = ideas.linked(change.ideaId());
        long[] answers = answers(change.ideaId());
        idea =
            new BuildView.LinkedIdea(
                linked.id(), linked.title(), linked.status(), answers[0], answers[1]);
      }
      lines.add(new BuildView.ChangeLine(change.line(), idea));
    }
    return lines;
  }

  /** Yes and no answers to "did this solve it?" for an idea. */
  long[] answers(long ideaId) {
    long[] answers = new long[2];
    for (Object[] row :
        em.createQuery(
                "SELECT p.solved, COUNT(p) FROM ShipPrompt p WHERE p.ideaId = :i"
                    + " AND p.solved IS NOT NULL GROUP BY p.solved",
                Object[].class)
            .setParameter("i", ideaId)
            .getResultList()) {
      answers[Boolean.TRUE.equals(row[0]) ? 0 : 1] = ((Number) row[1]).longValue();
    }
    return answers;
  }

  private BuildView.Mine mine(Build build) {
    Optional<MemberId> member = current.id();
    if (member.isEmpty()) {
      return null;
    }
    Instant installedAt = null;
    BuildView.RatingView rating = null;
    String myVerdict = null;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT installed_at FROM build_install WHERE member_id = ? AND build_id = ?")) {
        s.setLong(1, member.get().value());
        s.setLong(2, build.id());
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            installedAt = rs.getTimestamp(1).toInstant();
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT stars, comment_text, tags, late, rated_at FROM build_rating"
                  + " WHERE member_id = ? AND build_id = ?")) {
        s.setLong(1, member.get().value());
        s.setLong(2, build.id());
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            rating =
                new BuildView.RatingView(
                    rs.getInt(1),
                    rs.getString(2),
                    tags(rs.getString(3)),
                    rs.getBoolean(4),
                    rs.getTimestamp(5).toInstant());
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT verdict FROM build_verdict WHERE member_id = ? AND build_id = ?")) {
        s.setLong(1, member.get().value());
        s.setLong(2, build.id());
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            myVerdict = rs.getString(1);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new BuildView.Mine(
        installedAt,
        installedAt == null ? null : installedAt.plus(settings.ratingWindow().minimumOnBuild()),
        rating,
        isTester(member.get(), build.deviceId()),
        myVerdict);
  }

  static List<String> tags(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return List.of(stored.split(","));
  }

  private RolloutPlan.State rollout(Build build) {
    return rollout(build, build.developerAt());
  }

  /** The staged rollout from {@code start} (the public release, or the promotion to stable). */
  private RolloutPlan.State rollout(Build build, Instant start) {
    RolloutPlan plan =
        new RolloutPlan(RolloutPlan.parseSteps(build.rolloutSteps()), build.rolloutDays());
    List<RolloutPlan.Event> events = new ArrayList<>();
    for (RolloutEvent e : build.events()) {
      events.add(new RolloutPlan.Event(e.halt(), e.at()));
    }
    return plan.at(start, events, now());
  }

  private Optional<FollowUp> followUp(long buildId) {
    return em.createQuery("SELECT f FROM FollowUp f WHERE f.buildId = :b", FollowUp.class)
        .setParameter("b", buildId)
        .getResultStream()
        .findFirst();
  }

  private Optional<Build> latestReleased(long deviceId) {
    return newest(deviceId, "b.developerAt <= :now", "b.developerAt");
  }

  private Optional<Build> latestEarly(long deviceId) {
    return newest(deviceId, "b.trustedAt <= :now AND b.developerAt > :now", "b.trustedAt");
  }

  private Optional<Build> latestStable(long deviceId) {
    return newest(deviceId, "b.stableAt <= :now", "b.stableAt");
  }

  /** The device's newest build by {@code order} among those meeting {@code condition} now. */
  private Optional<Build> newest(long deviceId, String condition, String order) {
    return em.createQuery(
            "SELECT b FROM Build b WHERE b.deviceId = :d AND "
                + condition
                + " ORDER BY "
                + order
                + " DESC, b.id DESC",
            Build.class)
        .setParameter("d", deviceId)
        .setParameter("now", now())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  Build find(long id) {
    Build build = em.find(Build.class, id);
    if (build == null) {
      throw DomainException.notFound("Build", id);
    }
    return build;
  }

  /** A build before its public release is seen only by its device's testers and by managers. */
  private Build visible(long id) {
    Build build = find(id);
    if (now().isBefore(build.developerAt()) && !mayseeEarly(build.deviceId())) {
      throw DomainException.notFound("Build", id);
    }
    return build;
  }

  private boolean mayseeEarly(long deviceId) {
    if (current.has(Roles.COMMUNITY_MANAGER) || current.has(Roles.RESPONDER)) {
      return true;
    }
    return current.id().map(m -> isTester(m, deviceId)).orElse(false);
  }

  /** The role is the truth; the tester row says for which device. */
  boolean isTester(MemberId member, long deviceId) {
    TrustedTester tester = em.find(TrustedTester.class, member.value());
    if (tester == null || !tester.active() || tester.deviceId() != deviceId) {
      return false;
    }
    Member m = em.find(Member.class, member.value());
    return m != null && m.has(Roles.TRUSTED_TESTER);
  }

  private static Set<Long> ids(List<Build> builds) {
    Set<Long> ids = new HashSet<>();
    builds.forEach(b -> ids.add(b.id()));
    return ids;
  }

  private static StarDistribution stars(Map<Long, Score> scores, long id) {
    Score s = scores.get(id);
    return s == null ? StarDistribution.EMPTY : s.stars();
  }

  private Instant now() {
    return settings.clock().instant();
  }

  static Channel channelOf(Build b, Instant now) {
    return b.channel(now);
  }
}
