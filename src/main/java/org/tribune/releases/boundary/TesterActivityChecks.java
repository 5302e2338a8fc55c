package org.tribune.releases.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.platform.boundary.Bootstrap;
import org.tribune.platform.boundary.ClusterJobs;

/**
 * Applies the trusted-tester activity rule to every active tester on a schedule, once across all
 * instances, so that a tester who stopped giving verdicts loses the role (and the trusted channel)
 * even if nobody looks at their standing. Reading a standing or giving a verdict still applies the
 * rule at once.
 */
@ApplicationScoped
public class TesterActivityChecks {

  static final String JOB = "releases.tester-activity";
  private static final Logger LOG = Logger.getLogger(TesterActivityChecks.class.getName());

  @Inject ClusterJobs jobs;
  @Inject Testers testers;

  @Inject
  @ConfigProperty(name = "tribune.releases.tester-activity-check", defaultValue = "PT1H")
  Duration period;

  void schedule(
      @Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class)
          Object event) {
    jobs.every(JOB, period, this::check);
  }

  private void check() {
    int removed = testers.applyActivityRuleToAll();
    if (removed > 0) {
      LOG.info(removed + " trusted tester(s) removed by the activity rule");
    }
  }
}
