package org.tribune.selection.boundary;

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
 * Delegates' terms end on time: every {@code tribune.selection.term-check-seconds} (default 30) one
 * instance — {@link ClusterJobs} holds the job across instances — ends the terms that have run out
 * ({@link RoundPublication#expireTerms}): the seat shows vacant and the delegate role goes unless
 * another delegation of the member serves. A term therefore ends within about one period of its
 * end; until then the delegation already stops counting as serving.
 */
@ApplicationScoped
public class DelegateTerms {

  static final String JOB = "selection.term-expiry";
  private static final Logger LOG = Logger.getLogger(DelegateTerms.class.getName());

  @Inject ClusterJobs jobs;
  @Inject RoundPublication publication;

  @Inject
  @ConfigProperty(name = "tribune.selection.term-check-seconds", defaultValue = "30")
  long periodSeconds;

  void schedule(
      @Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class)
          Object event) {
    jobs.every(JOB, Duration.ofSeconds(Math.max(1, periodSeconds)), this::expire);
  }

  private void expire() {
    int ended = publication.expireTerms();
    if (ended > 0) {
      LOG.info(ended + " delegate term(s) ended; their seats are vacant");
    }
  }
}
