package org.tribune.voting.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribune.ingest.control.BatchWriter;
import org.tribune.voting.control.IdeaVoteCommand.Cast;
import org.tribune.voting.control.IdeaVoteCommand.CloseVoting;
import org.tribune.voting.control.IdeaVoteCommand.Merge;
import org.tribune.voting.control.IdeaVoteCommand.ReopenVoting;
import org.tribune.voting.control.IdeaVoteCommand.Withdraw;
import org.tribune.voting.control.IdeaVoteOutcome.AlreadyVoted;
import org.tribune.voting.control.IdeaVoteOutcome.BudgetExhausted;
import org.tribune.voting.control.IdeaVoteOutcome.Counted;
import org.tribune.voting.control.IdeaVoteOutcome.IdeaClosed;
import org.tribune.voting.control.IdeaVoteOutcome.Merged;
import org.tribune.voting.control.IdeaVoteOutcome.NoSuchIdea;
import org.tribune.voting.control.IdeaVoteOutcome.NoVote;
import org.tribune.voting.control.IdeaVoteOutcome.VotingClosed;
import org.tribune.voting.control.IdeaVoteOutcome.VotingReopened;
import org.tribune.voting.control.IdeaVoteOutcome.Withdrawn;

/**
 * Every SQL statement that writes idea votes and tallies. The ingest's single writer calls {@link
 * #write} with a batch in one transaction: the state the rules need (the ideas' tallies, the
 * members' existing votes and this week's spending) is read once per batch, each command is decided
 * in order against that state as it evolves, and the changes go out as JDBC batches, with one tally
 * update per idea. The primary key on (member, idea) stays the final guard against a double vote.
 */
public final class IdeaVoteStore implements BatchWriter<IdeaVoteCommand, IdeaVoteOutcome> {

  private static final int IN_CHUNK = 200;

  private final VoteBudgetPolicy budget;
  private final Clock clock;

  public IdeaVoteStore(VoteBudgetPolicy budget, Clock clock) {
    this.budget = budget;
    this.clock = clock;
  }

  public VoteBudgetPolicy budget() {
    return budget;
  }

  @Override
  public List<IdeaVoteOutcome> write(Connection c, List<IdeaVoteCommand> commands)
      throws SQLException {
    List<IdeaVoteOutcome> outcomes = new ArrayList<>(commands.size());
    int start = 0;
    while (start < commands.size()) {
      IdeaVoteCommand first = commands.get(start);
      if (first instanceof Cast || first instanceof Withdraw) {
        int end = start;
        while (end < commands.size()
            && (commands.get(end) instanceof Cast || commands.get(end) instanceof Withdraw)) {
          end++;
        }
        outcomes.addAll(applyVotes(c, commands.subList(start, end)));
        start = end;
      } else {
        outcomes.add(applyBulk(c, first));
        start++;
      }
    }
    return outcomes;
  }

  /** Opens the zero tally of a new idea, in the caller's transaction. */
  public static void openTally(Connection c, long ideaId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO idea_tally (idea_id, votes, trend_mass, votable, first_vote_at)"
                + " VALUES (?, 0, 0, TRUE, NULL)")) {
      s.setLong(1, ideaId);
      s.executeUpdate();
    }
  }

  /** Votes charged to the current week and still standing: what the member has spent. */
  public static int usedThisWeek(Connection c, long memberId, LocalDate week) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*) FROM idea_vote WHERE member_id = ? AND charged_week = ?"
                + " AND refunded = FALSE")) {
      s.setLong(1, memberId);
      s.setDate(2, Date.valueOf(week));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  // ---- casting and withdrawing, decided against state read once per batch ----

  private record Tally(long votes, boolean votable) {}

  private record Vote(LocalDate chargedWeek, double weight, boolean refunded, boolean newInBatch) {}

  private record Key(long member, long idea) {}

  private static final class Delta {
    long votes;
    double mass;
    Timestamp firstVote;
  }

  private List<IdeaVoteOutcome> applyVotes(Connection c, List<IdeaVoteCommand> commands)
      throws SQLException {
    Instant now = clock.instant();
    LocalDate week = VoteBudgetPolicy.weekOf(now);
    double weight = Trending.weight(now);
    Timestamp castAt = Timestamp.from(now);

    Set<Long> ideaIds = new HashSet<>();
    Set<Long> memberIds = new HashSet<>();
    for (IdeaVoteCommand command : commands) {
      if (command instanceof Cast cast) {
        ideaIds.add(cast.ideaId());
        memberIds.add(cast.member().value());
      } else if (command instanceof Withdraw withdraw) {
        ideaIds.add(withdraw.ideaId());
        memberIds.add(withdraw.member().value());
      }
    }
    Map<Long, Tally> tallies = readTallies(c, ideaIds);
    Map<Key, Vote> votes = readVotes(c, memberIds, tallies.keySet());
    Map<Long, Integer> used = readUsed(c, memberIds, week);

    Map<Key, Vote> inserts = new LinkedHashMap<>();
    List<Key> deletes = new ArrayList<>();
    Map<Long, Delta> deltas = new LinkedHashMap<>();
    List<IdeaVoteOutcome> outcomes = new ArrayList<>(commands.size());

    for (IdeaVoteCommand command : commands) {
      if (command instanceof Cast cast) {
        long member = cast.member().value();
        Tally tally = tallies.get(cast.ideaId());
        Key key = new Key(member, cast.ideaId());
        int spent = used.getOrDefault(member, 0);
        if (tally == null) {
          outcomes.add(new NoSuchIdea(cast.ideaId()));
        } else if (!tally.votable()) {
          outcomes.add(new IdeaClosed(cast.ideaId()));
        } else if (votes.containsKey(key)) {
          outcomes.add(new AlreadyVoted(cast.ideaId()));
        } else if (!budget.allowsAnother(spent)) {
          outcomes.add(new BudgetExhausted(budget.limit(), VoteBudgetPolicy.resetsAfter(now)));
        } else {
          Vote vote = new Vote(week, weight, false, true);
          votes.put(key, vote);
          inserts.put(key, vote);
          used.put(member, spent + 1);
          Delta delta = deltas.computeIfAbsent(cast.ideaId(), id -> new Delta());
          delta.votes++;
          delta.mass += weight;
          delta.firstVote = castAt;
          long total = tally.votes() + delta.votes;
          outcomes.add(new Counted(cast.ideaId(), total, budget.remaining(spent + 1)));
        }
      } else if (command instanceof Withdraw withdraw) {
        long member = withdraw.member().value();
        Tally tally = tallies.get(withdraw.ideaId());
        Key key = new Key(member, withdraw.ideaId());
        Vote vote = votes.get(key);
        if (tally == null) {
          outcomes.add(new NoSuchIdea(withdraw.ideaId()));
        } else if (!tally.votable()) {
          outcomes.add(new IdeaClosed(withdraw.ideaId()));
        } else if (vote == null) {
          outcomes.add(new NoVote(withdraw.ideaId()));
        } else {
          votes.remove(key);
          if (vote.newInBatch()) {
            inserts.remove(key);
          } else {
            deletes.add(key);
          }
          int spent = used.getOrDefault(member, 0);
          if (!vote.refunded() && vote.chargedWeek().equals(week)) {
            spent = Math.max(0, spent - 1);
            used.put(member, spent);
          }
          Delta delta = deltas.computeIfAbsent(withdraw.ideaId(), id -> new Delta());
          delta.votes--;
          delta.mass -= vote.weight();
          long total = tally.votes() + delta.votes;
          outcomes.add(new Withdrawn(withdraw.ideaId(), total, budget.remaining(spent)));
        }
      }
    }

    if (!deletes.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM idea_vote WHERE member_id = ? AND idea_id = ?")) {
        for (Key key : deletes) {
          s.setLong(1, key.member());
          s.setLong(2, key.idea());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    if (!inserts.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO idea_vote (member_id, idea_id, cast_at, charged_week, trend_weight,"
                  + " refunded) VALUES (?, ?, ?, ?, ?, FALSE)")) {
        Date charged = Date.valueOf(week);
        for (Map.Entry<Key, Vote> insert : inserts.entrySet()) {
          s.setLong(1, insert.getKey().member());
          s.setLong(2, insert.getKey().idea());
          s.setTimestamp(3, castAt);
          s.setDate(4, charged);
          s.setDouble(5, insert.getValue().weight());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    if (!deltas.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE idea_tally SET votes = votes + ?, trend_mass = trend_mass + ?,"
                  + " first_vote_at = COALESCE(first_vote_at, CAST(? AS TIMESTAMP))"
                  + " WHERE idea_id = ?")) {
        for (Map.Entry<Long, Delta> entry : deltas.entrySet()) {
          Delta delta = entry.getValue();
          s.setLong(1, delta.votes);
          s.setDouble(2, delta.mass);
          if (delta.firstVote == null) {
            s.setNull(3, Types.TIMESTAMP);
          } else {
            s.setTimestamp(3, delta.firstVote);
          }
          s.setLong(4, entry.getKey());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    return outcomes;
  }

  private static Map<Long, Tally> readTallies(Connection c, Set<Long> ideaIds) throws SQLException {
    Map<Long, Tally> tallies = new HashMap<>();
    for (List<Long> chunk : chunks(ideaIds)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT idea_id, votes, votable FROM idea_tally WHERE idea_id IN ("
                  + marks(chunk.size())
                  + ")")) {
        bind(s, 1, chunk);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            tallies.put(rs.getLong(1), new Tally(rs.getLong(2), rs.getBoolean(3)));
          }
        }
      }
    }
    return tallies;
  }

  private static Map<Key, Vote> readVotes(Connection c, Set<Long> memberIds, Set<Long> ideaIds)
      throws SQLException {
    Map<Key, Vote> votes = new HashMap<>();
    if (ideaIds.isEmpty()) {
      return votes;
    }
    List<List<Long>> ideaChunks = chunks(ideaIds);
    for (List<Long> members : chunks(memberIds)) {
      for (List<Long> ideas : ideaChunks) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT member_id, idea_id, charged_week, trend_weight, refunded FROM idea_vote"
                    + " WHERE member_id IN ("
                    + marks(members.size())
                    + ") AND idea_id IN ("
                    + marks(ideas.size())
                    + ")")) {
          int next = bind(s, 1, members);
          bind(s, next, ideas);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              votes.put(
                  new Key(rs.getLong(1), rs.getLong(2)),
                  new Vote(rs.getDate(3).toLocalDate(), rs.getDouble(4), rs.getBoolean(5), false));
            }
          }
        }
      }
    }
    return votes;
  }

  private static Map<Long, Integer> readUsed(Connection c, Set<Long> memberIds, LocalDate week)
      throws SQLException {
    Map<Long, Integer> used = new HashMap<>();
    for (List<Long> chunk : chunks(memberIds)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT member_id, COUNT(*) FROM idea_vote WHERE member_id IN ("
                  + marks(chunk.size())
                  + ") AND charged_week = ? AND refunded = FALSE GROUP BY member_id")) {
        int next = bind(s, 1, chunk);
        s.setDate(next, Date.valueOf(week));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            used.put(rs.getLong(1), rs.getInt(2));
          }
        }
      }
    }
    return used;
  }

  // ---- closing, reopening and merging: rare, one at a time ----

  private IdeaVoteOutcome applyBulk(Connection c, IdeaVoteCommand command) throws SQLException {
    if (command instanceof CloseVoting close) {
      if (!setVotable(c, close.ideaId(), false)) {
        return new NoSuchIdea(close.ideaId());
      }
      return new VotingClosed(close.ideaId(), refundAll(c, close.ideaId()));
    }
    if (command instanceof ReopenVoting reopen) {
      return setVotable(c, reopen.ideaId(), true)
          ? new VotingReopened(reopen.ideaId())
          : new NoSuchIdea(reopen.ideaId());
    }
    if (command instanceof Merge merge) {
      return merge(c, merge);
    }
    throw new IllegalArgumentException("Not a bulk command: " + command);
  }

  private static boolean setVotable(Connection c, long ideaId, boolean votable)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE idea_tally SET votable = ? WHERE idea_id = ?")) {
      s.setBoolean(1, votable);
      s.setLong(2, ideaId);
      return s.executeUpdate() == 1;
    }
  }

  private static int refundAll(Connection c, long ideaId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE idea_vote SET refunded = TRUE WHERE idea_id = ? AND refunded = FALSE")) {
      s.setLong(1, ideaId);
      return s.executeUpdate();
    }
  }

  private IdeaVoteOutcome merge(Connection c, Merge merge) throws SQLException {
    long from = merge.fromIdea();
    long into = merge.intoIdea();
    Map<Long, Tally> tallies = readTallies(c, Set.of(from, into));
    if (!tallies.containsKey(from)) {
      return new NoSuchIdea(from);
    }
    if (!tallies.containsKey(into)) {
      return new NoSuchIdea(into);
    }
    if (from == into || !tallies.get(into).votable()) {
      return new IdeaClosed(into);
    }
    Set<Long> votersOfTarget = new HashSet<>(votersOf(c, into));
    List<Long> overlap = new ArrayList<>();
    for (long voter : votersOf(c, from)) {
      if (votersOfTarget.contains(voter)) {
        overlap.add(voter);
      }
    }
    // A member who voted for both keeps the vote on the surviving idea; the other is removed,
    // which gives it back to the budget of the week that paid for it.
    if (!overlap.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM idea_vote WHERE member_id = ? AND idea_id = ?")) {
        for (long voter : overlap) {
          s.setLong(1, voter);
          s.setLong(2, from);
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    long moved;
    try (PreparedStatement s =
        c.prepareStatement("UPDATE idea_vote SET idea_id = ? WHERE idea_id = ?")) {
      s.setLong(1, into);
      s.setLong(2, from);
      moved = s.executeUpdate();
    }
    recount(c, from);
    recount(c, into);
    setVotable(c, from, false);
    return new Merged(from, into, moved, overlap.size());
  }

  private static List<Long> votersOf(Connection c, long ideaId) throws SQLException {
    List<Long> voters = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT member_id FROM idea_vote WHERE idea_id = ?")) {
      s.setLong(1, ideaId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          voters.add(rs.getLong(1));
        }
      }
    }
    return voters;
  }

  /** Sets a tally from the stored votes; used where votes moved in bulk. */
  private static void recount(Connection c, long ideaId) throws SQLException {
    long votes;
    double mass;
    Timestamp first;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*), SUM(trend_weight), MIN(cast_at) FROM idea_vote WHERE idea_id = ?")) {
      s.setLong(1, ideaId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        votes = rs.getLong(1);
        mass = rs.getDouble(2);
        first = rs.getTimestamp(3);
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE idea_tally SET votes = ?, trend_mass = ?,"
                + " first_vote_at = COALESCE(first_vote_at, CAST(? AS TIMESTAMP))"
                + " WHERE idea_id = ?")) {
      s.setLong(1, votes);
      s.setDouble(2, mass);
      if (first == null) {
        s.setNull(3, Types.TIMESTAMP);
      } else {
        s.setTimestamp(3, first);
      }
      s.setLong(4, ideaId);
      s.executeUpdate();
    }
  }

  // ---- small JDBC plumbing ----

  private static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = new ArrayList<>(ids);
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
    }
    return chunks;
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  private static int bind(PreparedStatement s, int from, List<Long> ids) throws SQLException {
    int index = from;
    for (long id : ids) {
      s.setLong(index++, id);
    }
    return index;
  }
}
