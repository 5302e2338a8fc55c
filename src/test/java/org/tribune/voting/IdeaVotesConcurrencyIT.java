package org.tribune.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.identity.entity.MemberId;
import org.tribune.testsupport.Fixtures;
import org.tribune.testsupport.TribuneDeployment;
import org.tribune.voting.control.IdeaVoteOutcome;
import org.tribune.voting.control.IdeaVoteOutcome.AlreadyVoted;
import org.tribune.voting.control.IdeaVoteOutcome.Counted;
import org.tribune.voting.control.IdeaVotes;

/**
 * Inside the server, through the real ingest: many threads vote at once, by different members and
 * by the same member, and every vote is counted exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class IdeaVotesConcurrencyIT {

  @Inject IdeaVotes votes;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Deployment
  static WebArchive deployment() {
    return TribuneDeployment.war().addClasses(IdeaVotesConcurrencyIT.class, Fixtures.class);
  }

  @Test
  void concurrentVotesOnOneIdeaAreCountedExactlyOnce() throws Exception {
    Fixtures fixtures = new Fixtures(dataSource);
    long author = fixtures.member("author");
    long idea = fixtures.idea(author, "Concurrent idea");
    List<MemberId> voters = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      voters.add(new MemberId(fixtures.member("voter" + i)));
    }
    MemberId eager = voters.get(0);

    List<Callable<IdeaVoteOutcome>> calls = new ArrayList<>();
    for (MemberId voter : voters) {
      calls.add(() -> votes.cast(voter, idea).toCompletableFuture().get(30, TimeUnit.SECONDS));
      calls.add(() -> votes.cast(voter, idea).toCompletableFuture().get(30, TimeUnit.SECONDS));
    }
    for (int i = 0; i < 40; i++) {
      calls.add(() -> votes.cast(eager, idea).toCompletableFuture().get(30, TimeUnit.SECONDS));
    }
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<IdeaVoteOutcome> outcomes = new ArrayList<>();
    try {
      for (Future<IdeaVoteOutcome> future : pool.invokeAll(calls)) {
        outcomes.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(60, outcomes.stream().filter(Counted.class::isInstance).count());
    assertEquals(100, outcomes.stream().filter(AlreadyVoted.class::isInstance).count());
    assertEquals(60, fixtures.count("SELECT votes FROM idea_tally WHERE idea_id = " + idea));
    assertEquals(60, fixtures.count("SELECT COUNT(*) FROM idea_vote WHERE idea_id = " + idea));
    assertEquals(
        1,
        fixtures.count(
            "SELECT COUNT(*) FROM idea_vote WHERE idea_id = "
                + idea
                + " AND member_id = "
                + eager.value()));
  }

  @Test
  void concurrentVotesOfOneMemberNeverExceedTheWeeklyBudget() throws Exception {
    Fixtures fixtures = new Fixtures(dataSource);
    long author = fixtures.member("author");
    MemberId voter = new MemberId(fixtures.member("spender"));
    List<Callable<IdeaVoteOutcome>> calls = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      long idea = fixtures.idea(author, "Budget idea " + i);
      calls.add(() -> votes.cast(voter, idea).toCompletableFuture().get(30, TimeUnit.SECONDS));
    }
    ExecutorService pool = Executors.newFixedThreadPool(25);
    long counted;
    try {
      counted =
          pool.invokeAll(calls).stream()
              .map(
                  f -> {
                    try {
                      return f.get();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .filter(Counted.class::isInstance)
              .count();
    } finally {
      pool.shutdownNow();
    }
    assertEquals(10, counted);
    assertEquals(
        10, fixtures.count("SELECT COUNT(*) FROM idea_vote WHERE member_id = " + voter.value()));
    assertEquals(0, votes.budget(voter).remaining());
  }
}
