package org.tribune.demo.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.releases.boundary.ShipPrompts;
import org.tribune.releases.control.BuildVotes;
import org.tribune.releases.entity.Build;
import org.tribune.releases.entity.DeviceModel;
import org.tribune.releases.entity.FollowUp;
import org.tribune.releases.entity.TesterApplication;
import org.tribune.releases.entity.TrustedTester;
import org.tribune.voting.boundary.Ideas;
import org.tribune.voting.control.IdeaVotes;

/**
 * The demo's weekly builds: three device models with five weekly builds each, trusted testers and
 * their verdicts, one bad build (halted, with its engineering follow-up resolved by the next
 * build), installs and ratings, and this week's builds shipping an idea whose voters are asked
 * whether it solved their problem. Every tester holds the role and has a row naming the device; the
 * community manager's screen has a warned tester, an open application and a declined one ({@link
 * #testerPipeline}).
 *
 * <p>Past weeks are history, written directly with the times they happened (the rating writer
 * stamps ratings "now", and a rating from five weeks ago would be late); their score rows are
 * computed from what is written. This week's ratings go through the vote ingest like anyone's.
 */
@ApplicationScoped
public class DemoReleases {

  @PersistenceContext EntityManager em;
  @Inject BuildVotes buildVotes;
  @Inject Ideas ideas;
  @Inject IdeaVotes ideaVotes;
  @Inject ShipPrompts prompts;
  @Inject DemoReleases self;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  private record Device(String code, String name, List<String> members, List<String> testers) {}

  private static final List<Device> DEVICES =
      List.of(
          new Device(
              "houji",
              "Xiaomi 14",
              List.of("lin", "ming", "kenji", "sara", "mei"),
              List.of("kenji", "sara", "mei")),
          new Device(
              "sapphire",
              "Redmi Note 13",
              List.of("ana", "tom", "ivan"),
              List.of("ana", "tom", "ivan")),
          new Device(
              "aristotle",
              "Xiaomi 13T",
              List.of("ola", "lena", "nora"),
              List.of("ola", "lena", "nora")));

  private static final int WEEKS = 5;

  /** Stars per week per member of a device (cycled), the bad week lower. */
  private static final int[][] STARS = {{4, 5, 4}, {5, 4, 4}, {2, 1, 2}, {4, 5, 5}, {4, 4, 5}};

  /** Ids the current week needs: the current builds and who installed them. */
  public record Seeded(
      Map<Long, List<Long>> currentInstallers, long charging, long dark, long x14) {}

  public void seed(DemoSeeding.Cast cast) {
    Seeded seeded = self.history(cast);
    MemberId lin = new MemberId(cast.members().get("lin"));
    List<CompletableFuture<?>> pending = new ArrayList<>();
    int i = 0;
    for (Map.Entry<Long, List<Long>> current : seeded.currentInstallers().entrySet()) {
      for (long member : current.getValue()) {
        int stars = 3 + (i++ % 3);
        pending.add(
            buildVotes
                .rate(new MemberId(member), current.getKey(), stars, null, "battery")
                .toCompletableFuture());
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    self.ship(seeded, lin);
  }

  @Transactional
  public void ship(Seeded seeded, MemberId lin) {
    for (long shipped :
        ideas.shipAllInBuild(
            List.of(seeded.charging()), "OS2.0.205.0", "Shipped in build OS2.0.205.0.", lin)) {
      prompts.ask(ideaVotes.votersOf(shipped), shipped, seeded.x14());
    }
    prompts.ask(ideaVotes.votersOf(seeded.dark()), seeded.dark(), seeded.x14());
  }

  @Transactional
  public Seeded history(DemoSeeding.Cast cast) {
    Instant now = Instant.now();
    MemberId lin = new MemberId(cast.members().get("lin"));
    Map<Long, List<Long>> currentInstallers = new java.util.LinkedHashMap<>();
    long x14 = 0;
    for (Device d : DEVICES) {
      DeviceModel device = new DeviceModel(d.code(), d.name(), now.minus(Duration.ofDays(60)));
      em.persist(device);
      em.flush();
      for (String t : d.testers()) {
        em.persist(
            new TrustedTester(
                new MemberId(cast.members().get(t)),
                device.id(),
                lin,
                now.minus(Duration.ofDays(50))));
        em.find(Member.class, cast.members().get(t)).grant(Roles.TRUSTED_TESTER);
      }
      if (d.code().equals("houji")) {
        testerPipeline(cast, device.id(), lin, now);
      }
      for (int w = 0; w < WEEKS; w++) {
        boolean current = w == WEEKS - 1;
        boolean bad = d.code().equals("houji") && w == 2;
        Instant release = now.minus(Duration.ofDays(7L * (WEEKS - 1 - w) + 2));
        String version = "OS2.0." + (201 + w) + ".0";
        List<Build.Line> lines = new ArrayList<>();
        lines.add(
            new Build.Line("Security patch " + LocalDate.ofInstant(release, ZoneOffset.UTC), null));
        lines.add(
            new Build.Line(
                w % 2 == 0 ? "Camera: faster night mode" : "Battery: fewer wake-ups", null));
        if (bad) {
          lines.add(new Build.Line("New charging driver", null));
        }
        if (current && d.code().equals("houji")) {
          lines.add(
              new Build.Line("Optimized charging holds at 80%", cast.ideas().get("charging")));
          lines.add(new Build.Line("Dark mode by sunset and sunrise", cast.ideas().get("dark")));
        }
        if (w == 3 && d.code().equals("houji")) {
          lines.add(new Build.Line("Fixes the boot loop after charging of OS2.0.203.0", null));
        }
        Build build =
            Build.publish(
                device.id(),
                version,
                release,
                Duration.ofHours(48),
                "1,2,5,10,20,50,100",
                7,
                lines,
                lin,
                release.minus(Duration.ofDays(3)));
        em.persist(build);
        em.flush();
        buildVotes.openBuild(build.id());
        List<Long> installers = new ArrayList<>();
        for (String m : d.members()) {
          long member = cast.members().get(m);
          boolean tester = d.testers().contains(m);
          install(
              build.id(), member, (tester ? build.trustedAt() : release).plus(Duration.ofHours(2)));
          installers.add(member);
        }
        int[] verdicts = new int[2];
        for (String t : d.testers()) {
          boolean good = !bad;
          verdict(
              build.id(),
              cast.members().get(t),
              good,
              build.trustedAt().plus(Duration.ofHours(20)),
              good
                  ? "Daily driver for a day, nothing broken."
                  : "Boot loop after charging overnight.");
          verdicts[good ? 0 : 1]++;
        }
        tally(build.id(), verdicts[0], verdicts[1]);
        if (bad) {
          String reason = "3 bad and 0 good verdicts after the verdict window";
          build.judgeBad(reason, release);
          FollowUp followUp =
              new FollowUp(
                  build.id(),
                  "Build "
                      + version
                      + " on "
                      + d.name()
                      + " judged bad by trusted testers: "
                      + reason,
                  release,
                  release.plus(Duration.ofDays(3)));
          followUp.resolve(
              "Charging driver reverted; fixed in OS2.0.204.0.",
              lin,
              release.plus(Duration.ofDays(2)));
          em.persist(followUp);
        } else {
          build.judgePassed(release);
        }
        if (current) {
          currentInstallers.put(build.id(), installers);
          if (d.code().equals("houji")) {
            x14 = build.id();
          }
        } else {
          long[] n = new long[6];
          int k = 0;
          for (long member : installers) {
            int stars = STARS[w][k++ % 3];
            rate(build.id(), member, stars, release.plus(Duration.ofDays(1 + k % 3)));
            n[stars]++;
          }
          score(build.id(), n);
        }
      }
    }
    return new Seeded(
        currentInstallers, cast.ideas().get("charging"), cast.ideas().get("dark"), x14);
  }

  /**
   * Beyond the testers who judge every week, on Xiaomi 14: 于洋 joined five days ago, just before
   * this week's build reached the testers, and has given no verdict on it (the activity rule warns
   * them: one more missed build removes them); Ming's application waits for the community manager
   * (Ming can sign in to see it); Sam's application was declined with a reason.
   */
  private void testerPipeline(DemoSeeding.Cast cast, long device, MemberId lin, Instant now) {
    long yu = cast.members().get("yu");
    em.persist(new TrustedTester(new MemberId(yu), device, lin, now.minus(Duration.ofDays(5))));
    em.find(Member.class, yu).grant(Roles.TRUSTED_TESTER);
    em.persist(
        new TesterApplication(
            new MemberId(cast.members().get("ming")),
            device,
            "I use my Xiaomi 14 all day for work and update every week; happy to send bug reports"
                + " with logs.",
            now.minus(Duration.ofHours(20))));
    TesterApplication sam =
        new TesterApplication(
            new MemberId(cast.members().get("sam")),
            device,
            "Android developer, I test my apps on every build.",
            now.minus(Duration.ofDays(6)));
    sam.decline(
        lin,
        "Xiaomi 14 testers need the phone as their daily driver, and yours is a 14 Ultra."
            + " Please apply again when the 14 Ultra programme opens.",
        now.minus(Duration.ofDays(5)));
    em.persist(sam);
  }

  private void install(long build, long member, Instant at) {
    update(
        "INSERT INTO build_install (member_id, build_id, installed_at, reported_at)"
            + " VALUES (?, ?, ?, ?)",
        member,
        build,
        Timestamp.from(at),
        Timestamp.from(at));
  }

  private void verdict(long build, long member, boolean good, Instant at, String evidence) {
    update(
        "INSERT INTO build_verdict (member_id, build_id, verdict, severity, evidence, log_ref,"
            + " given_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        member,
        build,
        good ? "good" : "bad",
        good ? null : "P1",
        evidence,
        good ? null : "bugreport-" + build + "-" + member,
        Timestamp.from(at));
  }

  private void tally(long build, long good, long bad) {
    update("UPDATE verdict_tally SET good = ?, bad = ? WHERE build_id = ?", good, bad, build);
  }

  private void rate(long build, long member, int stars, Instant at) {
    update(
        "INSERT INTO build_rating (member_id, build_id, stars, comment_text, tags, rated_at,"
            + " rated_day, late, excluded) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, FALSE)",
        member,
        build,
        stars,
        stars <= 2 ? "Battery drains overnight." : "Smooth week.",
        stars <= 2 ? "battery,stability" : "performance",
        Timestamp.from(at),
        java.sql.Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC)));
  }

  private void score(long build, long[] n) {
    update(
        "UPDATE build_score SET n1 = ?, n2 = ?, n3 = ?, n4 = ?, n5 = ? WHERE build_id = ?",
        n[1],
        n[2],
        n[3],
        n[4],
        n[5],
        build);
  }

  private void update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          s.setNull(i + 1, java.sql.Types.VARCHAR);
        } else {
          s.setObject(i + 1, values[i]);
        }
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
