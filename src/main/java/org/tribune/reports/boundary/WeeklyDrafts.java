package org.tribune.reports.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.platform.boundary.Bootstrap;
import org.tribune.platform.boundary.ClusterJobs;
import org.tribune.reports.entity.ReportSubject;

/**
 * Drafts the weekly report of the week that just ended, once across all instances: {@link
 * ClusterJobs#every} lets one instance run the check per period, and the draft is only written if
 * that week has no report yet (the unique version key guards the rest). A community manager then
 * reviews and publishes it.
 */
@ApplicationScoped
public class WeeklyDrafts {

  private static final Logger LOG = Logger.getLogger(WeeklyDrafts.class.getName());

  @Inject ClusterJobs jobs;
  @Inject Reports reports;

  @Inject
  @ConfigProperty(name = "tribune.reports.weekly-drafts", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "tribune.reports.weekly-draft-check", defaultValue = "PT1H")
  Duration period;

  void schedule(
      @Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class)
          Object ignored) {
    if (enabled) {
      jobs.every("reports.weekly-draft", period, this::draftLastWeek);
    }
  }

  void draftLastWeek() {
    ReportSubject week = ReportSubject.weekOf(LocalDate.now(ZoneOffset.UTC).minusDays(7));
    try {
      reports.draftWeekIfMissing(week);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not draft the weekly report " + week.text(), e);
      throw e;
    }
  }
}
