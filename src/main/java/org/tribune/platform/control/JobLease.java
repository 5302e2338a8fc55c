package org.tribune.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Who may run a job now, when several instances share one database. A job is a name; the instance
 * that claims it holds it until the time it names, and nobody else can claim it before then. The
 * claim is one conditional UPDATE on the {@code job_lease} row whose update count says who won (a
 * first claim inserts the row; the primary key lets one insert win), so it is the same portable SQL
 * on Derby and PostgreSQL and needs no messages between instances.
 *
 * <p>Two ways to use it:
 *
 * <ul>
 *   <li><b>Once per period</b> (weekly report drafts, rollout steps, overdue flags): every instance
 *       asks {@code claim(job, endOfPeriod)} when the work is due; one gets {@code true} and runs
 *       it, and the claim stays until the end of the period, so nobody runs it again before then.
 *       {@link org.tribune.platform.boundary.ClusterJobs} does this on a timer.
 *   <li><b>One at a time</b> (a long task): {@code claim(job, now + ttl)}, {@link #renew} while
 *       working, {@link #release} when done. If the holder dies, the claim lapses after the ttl.
 * </ul>
 *
 * <p>Use it outside a transaction: each call commits on its own (on PostgreSQL a refused insert
 * would otherwise spoil the caller's transaction). Instances' clocks must agree to well within the
 * periods used (NTP).
 */
public final class JobLease {

  /** The holder of a job's claim and until when. */
  public record Claim(String holder, Instant claimedAt, Instant until) {}

  private final DataSource dataSource;
  private final String holder;
  private final Clock clock;

  public JobLease(DataSource dataSource, String holder, Clock clock) {
    if (holder == null || holder.isBlank() || holder.length() > 200) {
      throw new IllegalArgumentException("holder must be 1 to 200 characters");
    }
    this.dataSource = dataSource;
    this.holder = holder;
    this.clock = clock;
  }

  public String holder() {
    return holder;
  }

  /**
   * Claims the job until {@code until} if nobody holds an unexpired claim on it (an expired claim
   * of this holder counts as nobody's). True if this holder won; false if another holder, or this
   * holder itself, holds an unexpired claim: a job claimed for a period is not claimed twice.
   */
  public boolean claim(String job, Instant until) {
    checkName(job);
    Instant now = clock.instant();
    if (!until.isAfter(now)) {
      throw new IllegalArgumentException("A claim must end in the future: " + until);
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE job_lease SET holder = ?, claimed_at = ?, lease_until = ?"
                  + " WHERE name = ? AND lease_until <= ?")) {
        s.setString(1, holder);
        s.setTimestamp(2, Timestamp.from(now));
        s.setTimestamp(3, Timestamp.from(until));
        s.setString(4, job);
        s.setTimestamp(5, Timestamp.from(now));
        if (s.executeUpdate() == 1) {
          return true;
        }
      }
      if (exists(c, job)) {
        return false;
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO job_lease (name, holder, claimed_at, lease_until) VALUES (?, ?, ?, ?)")) {
        s.setString(1, job);
        s.setString(2, holder);
        s.setTimestamp(3, Timestamp.from(now));
        s.setTimestamp(4, Timestamp.from(until));
        s.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (isDuplicateKey(e)) {
          return false; // another instance made the first claim at the same moment
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not claim job " + job, e);
    }
  }

  /** Claims the job for {@code ttl} from now; see {@link #claim(String, Instant)}. */
  public boolean claimFor(String job, Duration ttl) {
    return claim(job, clock.instant().plus(ttl));
  }

  /**
   * Extends this holder's unexpired claim to {@code until}. False if the claim lapsed or another
   * holder has the job: the caller must stop working on it.
   */
  public boolean renew(String job, Instant until) {
    checkName(job);
    Instant now = clock.instant();
    return update(
        "UPDATE job_lease SET lease_until = ? WHERE name = ? AND holder = ? AND lease_until > ?",
        Timestamp.from(until),
        job,
        holder,
        Timestamp.from(now));
  }

  /** Ends this holder's claim now, so another instance may claim the job at once. */
  public boolean release(String job) {
    checkName(job);
    Instant now = clock.instant();
    return update(
        "UPDATE job_lease SET lease_until = ? WHERE name = ? AND holder = ? AND lease_until > ?",
        Timestamp.from(now),
        job,
        holder,
        Timestamp.from(now));
  }

  /** The job's latest claim, expired or not; empty if it was never claimed. */
  public Optional<Claim> current(String job) {
    checkName(job);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT holder, claimed_at, lease_until FROM job_lease WHERE name = ?")) {
      s.setString(1, job);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Claim(
                rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the claim of job " + job, e);
    }
  }

  private boolean update(String sql, Timestamp until, String job, String who, Timestamp now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setTimestamp(1, until);
        s.setString(2, job);
        s.setString(3, who);
        s.setTimestamp(4, now);
        return s.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update the claim of job " + job, e);
    }
  }

  private static boolean exists(Connection c, String job) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM job_lease WHERE name = ?")) {
      s.setString(1, job);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** 23505 on PostgreSQL and Derby: a unique or primary key constraint refused the row. */
  static boolean isDuplicateKey(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
      if (x.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static void checkName(String job) {
    if (job == null || job.isBlank() || job.length() > 100) {
      throw new IllegalArgumentException("A job name is 1 to 100 characters");
    }
  }
}
