package org.tribune.releases.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;
import org.tribune.identity.entity.MemberId;
import org.tribune.ingest.control.VoteIngest;

/**
 * Ratings and verdicts for the rest of the application: both go through the shared vote ingest (one
 * writer, batched, answered when durable); scores and tallies are plain reads of the rows the
 * writers keep.
 */
@ApplicationScoped
public class BuildVotes {

  @Inject VoteIngest ingest;
  @Inject ReleaseSettings settings;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  private RatingStore ratings;
  private VerdictStore verdicts;

  @PostConstruct
  void init() {
    ratings = new RatingStore(settings.ratingWindow(), settings.clock());
    verdicts = new VerdictStore(settings.testerMinimumOnBuild(), settings.clock());
  }

  public CompletionStage<RatingOutcome> rate(
      MemberId member, long buildId, int stars, String comment, String tags) {
    return ingest.submit(ratings, new RatingCommand.Rate(member, buildId, stars, comment, tags));
  }

  /** Waits: a manager's brigade decision, ordered with the ratings around it. */
  public RatingOutcome excludeDay(long buildId, LocalDate day, boolean excluded) {
    return ingest.submitAndWait(ratings, new RatingCommand.ExcludeDay(buildId, day, excluded));
  }

  public CompletionStage<VerdictOutcome> verdict(
      MemberId tester,
      long buildId,
      boolean good,
      String severity,
      String evidence,
      String logRef) {
    return ingest.submit(
        verdicts, new VerdictCommand.Give(tester, buildId, good, severity, evidence, logRef));
  }

  public VerdictOutcome confirm(long buildId, MemberId tester, MemberId engineer) {
    return ingest.submitAndWait(verdicts, new VerdictCommand.Confirm(buildId, tester, engineer));
  }

  /** Opens a new build's empty score and verdict tally, in the caller's transaction. */
  public void openBuild(long buildId) {
    try (Connection c = dataSource.getConnection()) {
      RatingStore.openScore(c, buildId);
      VerdictStore.openTally(c, buildId);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not open the score of build " + buildId, e);
    }
  }

  public Map<Long, RatingStore.Score> scores(Set<Long> buildIds) {
    try (Connection c = dataSource.getConnection()) {
      return RatingStore.scores(c, buildIds);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public VerdictOutcome.Tally verdictTally(long buildId) {
    try (Connection c = dataSource.getConnection()) {
      return VerdictStore.tally(c, buildId);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
