package org.tribune.demo.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.boundary.Bootstrap;
import org.tribune.voting.control.IdeaVotes;

/**
 * Seeds the demo community at start-up when asked to and the database has no ideas yet. Members and
 * ideas are written first, then votes go through the ingest like anyone's, then the ideas move
 * through their life cycles (which refunds votes of closed ideas and merges a duplicate).
 */
@ApplicationScoped
public class DemoCommunity {

  private static final Logger LOG = Logger.getLogger(DemoCommunity.class.getName());

  @Inject
  @ConfigProperty(name = "tribune.demo-data", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "tribune.demo-password")
  Optional<String> password;

  @Inject DemoSeeding seeding;
  @Inject IdeaVotes votes;
  @Inject DemoSelection selection;
  @Inject DemoReleases releases;

  @Resource ManagedExecutorService executor;

  /**
   * Seeding waits for votes to be written, and Liberty runs the tasks that complete them only once
   * the application has started, so it must not run on the start-up thread itself.
   */
  void onStart(
      @Observes @Priority(Bootstrap.SCHEMA_READY + 50) @Initialized(ApplicationScoped.class)
          Object event) {
    if (enabled) {
      executor.execute(this::seed);
    }
  }

  void seed() {
    if (seeding.hasIdeas()) {
      LOG.info("Demo data requested, but the database already has ideas: nothing seeded.");
      return;
    }
    DemoSeeding.Cast cast = seeding.membersAndIdeas(password.filter(p -> !p.isBlank()));
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (DemoSeeding.Ballot ballot : cast.ballots()) {
      pending.add(votes.cast(new MemberId(ballot.member()), ballot.idea()).toCompletableFuture());
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    seeding.lifeCycles(cast);
    selection.seed(cast.members());
    releases.seed(cast);
    jakarta.enterprise.inject.spi.CDI.current().select(DemoQa.class).get().seed(cast.members());
    jakarta
        .enterprise
        .inject
        .spi
        .CDI
        .current()
        .select(DemoReports.class)
        .get()
        .seed(cast.members());
    LOG.info(
        () ->
            "Demo community seeded: "
                + cast.members().size()
                + " members, "
                + cast.ideas().size()
                + " ideas, "
                + cast.ballots().size()
                + " votes"
                + (password.isPresent()
                    ? "; demo sign-in: lin@demo.example.com and ming@demo.example.com"
                    : ""));
  }
}
