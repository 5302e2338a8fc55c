package org.tribune.voting.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.identity.entity.MemberId;
import org.tribune.ingest.control.VoteIngest;
import org.tribune.platform.entity.DomainException;
import org.tribune.voting.control.IdeaVoteOutcome.IdeaClosed;
import org.tribune.voting.control.IdeaVoteOutcome.Merged;
import org.tribune.voting.control.IdeaVoteOutcome.NoSuchIdea;
import org.tribune.voting.control.IdeaVoteOutcome.VotingClosed;

/**
 * Idea votes for the rest of the application: casting and withdrawing go through the ingest and
 * complete when durable; closing, reopening and merging go through the same single writer, so they
 * are ordered with every vote; reads are plain queries.
 */
@ApplicationScoped
public class IdeaVotes {

  @Inject VoteIngest ingest;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "tribune.voting.weekly-budget", defaultValue = "10")
  int weeklyBudget;

  private IdeaVoteStore store;
  private final Clock clock = Clock.systemUTC();

  @PostConstruct
  void init() {
    store = new IdeaVoteStore(new VoteBudgetPolicy(weeklyBudget), clock);
  }

  public CompletionStage<IdeaVoteOutcome> cast(MemberId member, long ideaId) {
    return ingest.submit(store, new IdeaVoteCommand.Cast(member, ideaId));
  }

  /** Casts and waits until the vote is durable (or refused). */
  public IdeaVoteOutcome castNow(MemberId member, long ideaId) {
    return ingest.submitAndWait(store, new IdeaVoteCommand.Cast(member, ideaId));
  }

  /** Withdraws and waits until the withdrawal is durable (or refused). */
  public IdeaVoteOutcome withdrawNow(MemberId member, long ideaId) {
    return ingest.submitAndWait(store, new IdeaVoteCommand.Withdraw(member, ideaId));
  }

  /** Inserts a new idea's zero tally in the caller's transaction (after the idea is flushed). */
  public void openTally(long ideaId) {
    try (Connection c = dataSource.getConnection()) {
      IdeaVoteStore.openTally(c, ideaId);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not open the tally of idea " + ideaId, e);
    }
  }

  /** Stops votes on a closing idea and refunds its votes; returns how many were refunded. */
  public int closeVoting(long ideaId) {
    IdeaVoteOutcome outcome = ingest.submitAndWait(store, new IdeaVoteCommand.CloseVoting(ideaId));
    if (outcome instanceof VotingClosed closed) {
      return closed.refunded();
    }
    throw unexpected(outcome);
  }

  public void reopenVoting(long ideaId) {
    IdeaVoteOutcome outcome = ingest.submitAndWait(store, new IdeaVoteCommand.ReopenVoting(ideaId));
    if (!(outcome instanceof IdeaVoteOutcome.VotingReopened)) {
      throw unexpected(outcome);
    }
  }

  /** Moves the votes of a duplicate to the surviving idea; one vote per member survives. */
  public MergeResult merge(long fromIdea, long intoIdea) {
    IdeaVoteOutcome outcome =
        ingest.submitAndWait(store, new IdeaVoteCommand.Merge(fromIdea, intoIdea));
    if (outcome instanceof Merged merged) {
      return new MergeResult(merged.moved(), merged.dropped());
    }
    throw unexpected(outcome);
  }

  public Budget budget(MemberId member) {
    Instant now = clock.instant();
    LocalDate week = VoteBudgetPolicy.weekOf(now);
    VoteBudgetPolicy policy = store.budget();
    try (Connection c = dataSource.getConnection()) {
      int used = IdeaVoteStore.usedThisWeek(c, member.value(), week);
      return new Budget(
          policy.limit(), used, policy.remaining(used), week, VoteBudgetPolicy.resetsAfter(now));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An idea's count and trending score: one primary-key read, however many votes it has. */
  public Tally tally(long ideaId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT votes, trend_mass, votable FROM idea_tally WHERE idea_id = ?")) {
      s.setLong(1, ideaId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("Idea", ideaId);
        }
        return new Tally(
            ideaId,
            rs.getLong(1),
            Trending.score(rs.getDouble(2), clock.instant()),
            rs.getBoolean(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Everyone who voted for the idea (refunded votes included: they voted for it). */
  public List<MemberId> votersOf(long ideaId) {
    List<MemberId> voters = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT member_id FROM idea_vote WHERE idea_id = ? ORDER BY 1")) {
      s.setLong(1, ideaId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          voters.add(new MemberId(rs.getLong(1)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return voters;
  }

  /** The member's votes, newest first. */
  public List<MyVote> votesOf(MemberId member) {
    List<MyVote> votes = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT i.id, i.title, i.status, t.votes, v.cast_at, v.refunded"
                    + " FROM idea_vote v JOIN idea i ON i.id = v.idea_id"
                    + " JOIN idea_tally t ON t.idea_id = v.idea_id"
                    + " WHERE v.member_id = ? ORDER BY v.cast_at DESC, i.id DESC")) {
      s.setLong(1, member.value());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          votes.add(
              new MyVote(
                  new MyVote.IdeaRef(
                      rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                  rs.getTimestamp(5).toInstant(),
                  rs.getBoolean(6)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return votes;
  }

  private static RuntimeException unexpected(IdeaVoteOutcome outcome) {
    if (outcome instanceof NoSuchIdea none) {
      return DomainException.notFound("Idea", none.ideaId());
    }
    if (outcome instanceof IdeaClosed closed) {
      return DomainException.conflict(
          "idea-closed", "Idea closed", "Idea " + closed.ideaId() + " no longer takes votes.");
    }
    return new IllegalStateException("Unexpected outcome " + outcome);
  }

  public record MergeResult(long moved, long dropped) {}

  public record Tally(long ideaId, long votes, double trendingScore, boolean votable) {}

  public record Budget(int limit, int used, int remaining, LocalDate week, Instant resetsAt) {}

  public record MyVote(IdeaRef idea, Instant castAt, boolean refunded) {
    public record IdeaRef(long id, String title, String status, long votes) {}
  }
}
