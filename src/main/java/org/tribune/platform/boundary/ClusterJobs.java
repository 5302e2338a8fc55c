package org.tribune.platform.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.platform.control.JobLease;

/**
 * Scheduled work that runs once across all instances, not once per instance: weekly report drafts,
 * rollout steps, overdue flags. Built on {@link JobLease} (the {@code job_lease} table), so it
 * holds on one instance with Derby and on many sharing PostgreSQL.
 *
 * <pre>{@code
 * @Inject ClusterJobs jobs;
 * void onStart(@Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class) Object e) {
 *   jobs.every("releases.overdue-flags", Duration.ofMinutes(10), this::flagOverdue);
 * }
 * // or, for work tied to a calendar period, once ever per period key:
 * jobs.runOnce("reports.weekly-draft:" + week, week.plusWeeks(1) ..., () -> drafts.write(week));
 * }</pre>
 *
 * Work runs on a managed scheduled executor (after the application has started; scheduling at
 * start-up never blocks it), outside any transaction: the work opens its own.
 */
@ApplicationScoped
public class ClusterJobs {

  private static final Logger LOG = Logger.getLogger(ClusterJobs.class.getName());

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "tribune.platform.instance-id")
  Optional<String> configuredInstanceId;

  private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();
  private volatile JobLease leases;

  /** This instance's name in {@code job_lease.holder}: configured, or host, pid and a random id. */
  public JobLease leases() {
    JobLease current = leases;
    if (current == null) {
      synchronized (this) {
        if (leases == null) {
          leases = new JobLease(dataSource, instanceId(), Clock.systemUTC());
        }
        current = leases;
      }
    }
    return current;
  }

  /**
   * Runs {@code work} about once per {@code period} across all instances: every instance checks a
   * few times per period, and the one whose claim succeeds runs the work and holds the job for the
   * period. If the work throws, the claim is released so that the next check (on any instance)
   * retries.
   */
  public void every(String job, Duration period, Runnable work) {
    if (period.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("A period is at least one second");
    }
    long check = Math.max(1000, Math.min(period.toMillis() / 10, 60_000));
    scheduled.add(
        scheduler.scheduleWithFixedDelay(
            () -> runOnce(job, Instant.now().plus(period), work),
            check,
            check,
            TimeUnit.MILLISECONDS));
  }

  /**
   * Runs {@code work} now on this instance if no instance holds the job, and holds it until {@code
   * until}. True if it ran here. With a job name per period ({@code
   * "reports.weekly-draft:2026-W48"}) and {@code until} after the period, the work runs once per
   * period, ever.
   */
  public boolean runOnce(String job, Instant until, Runnable work) {
    JobLease lease = leases();
    try {
      if (!lease.claim(job, until)) {
        return false;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not claim job " + job, e);
      return false;
    }
    try {
      work.run();
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Job " + job + " failed; released for a retry", e);
      lease.release(job);
      return false;
    }
  }

  @PreDestroy
  void stop() {
    scheduled.forEach(f -> f.cancel(false));
  }

  private String instanceId() {
    if (configuredInstanceId.isPresent() && !configuredInstanceId.get().isBlank()) {
      return configuredInstanceId.get().strip();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown-host";
    }
    String id =
        host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/" + UUID.randomUUID();
    return id.length() > 200 ? id.substring(id.length() - 200) : id;
  }
}
