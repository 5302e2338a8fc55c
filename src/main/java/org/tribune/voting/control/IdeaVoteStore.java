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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tribune.ingest.control.BatchWriter;
import org.tribune.ingest.control.ConflictingWrite;
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
 * Every SQL statement that writes idea votes, tallies and budget spending. The ingest's single
 * writer calls {@link #write} with a batch in one transaction: the state the rules need is read
 * once per batch with primary-key reads only (the ideas' tallies, each (member, idea) pair's
 * existing vote, the members' spending of this week in {@code vote_spend}), each command is decided
 * in order against that state as it evolves, and the changes go out as JDBC batches, with one tally
 * update per idea and one spending update per member.
 *
 * <p>Several instances may share the database, each with its own writer. Every write checks that
 * what it was decided on still holds (a spending row still has the value read, a tally is still
 * votable, a withdrawn vote was still there), and the primary key on (member, idea) is the final
 * guard against a double vote; a batch that loses such a race fails as a whole with {@link
 * ConflictingWrite} or an integrity violation, and the ingest writes its commands again one by one.
 */
public final class IdeaVoteStore implements BatchWriter<IdeaVoteCommand, IdeaVoteOutcome> {

  private static final int[] IN_SIZES = {8, 32, 128, 256};
  private static final int IN_CHUNK = 256;

  private final VoteBudgetPolicy budget;
  private final Clock clock;
  private final Runnable decided;

  public IdeaVoteStore(VoteBudgetPolicy budget, Clock clock) {
    this(budget, clock, () -> {});
  }

  /**
   * @param decided runs after a batch of casts and withdrawals has been read and decided and before
   *     anything is written: the window in which another instance may write to the same rows (tests
   *     use it to do exactly that)
   */
  public IdeaVoteStore(VoteBudgetPolicy budget, Clock clock, Runnable decided) {
    this.budget = budget;
    this.clock = clock;
    this.decided = decided;
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

  /** Votes charged to the given week and still standing: what the member has spent of it. */
  public static int usedThisWeek(Connection c, long memberId, LocalDate week) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT used FROM vote_spend WHERE member_id = ? AND week = ?")) {
      s.setLong(1, memberId);
      s.setDate(2, Date.valueOf(week));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  // ---- casting and withdrawing, decided against state read once per batch ----

  private record Tally(long votes, boolean votable) {}

  private record Vote(LocalDate chargedWeek, double weight, boolean refunded, boolean newInBatch) {}

  private record Key(long member, long idea) {}

  private record Spend(long member, LocalDate week) {}

  private static final Comparator<Key> KEY_ORDER =
      Comparator.comparingLong(Key::member).thenComparingLong(Key::idea);
  private static final Comparator<Spend> SPEND_ORDER =
      Comparator.comparingLong(Spend::member).thenComparing(Spend::week);

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
    Set<Key> keys = new HashSet<>();
    for (IdeaVoteCommand command : commands) {
      Key key = keyOf(command);
      ideaIds.add(key.idea());
      memberIds.add(key.member());
      keys.add(key);
    }
    Map<Long, Tally> tallies = readTallies(c, ideaIds);
    keys.removeIf(key -> !tallies.containsKey(key.idea()));
    Map<Key, Vote> votes = readVotes(c, keys);
    Map<Long, Integer> spentBefore = readSpend(c, memberIds, week);
    Map<Long, Integer> used = new HashMap<>(spentBefore);

    // Rows are written in one global order (by member, then idea; tallies by idea), so that two
    // instances writing to the same rows wait for each other instead of deadlocking.
    Map<Key, Vote> inserts = new TreeMap<>(KEY_ORDER);
    Set<Key> deletes = new TreeSet<>(KEY_ORDER);
    Map<Long, Delta> deltas = new TreeMap<>();
    Map<Spend, Integer> spendDeltas = new TreeMap<>(SPEND_ORDER);
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
          spendDeltas.merge(new Spend(member, week), 1, Integer::sum);
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
          if (!vote.refunded()) {
            // The vote goes back to the budget of the week that paid for it.
            spendDeltas.merge(new Spend(member, vote.chargedWeek()), -1, Integer::sum);
            if (vote.chargedWeek().equals(week)) {
              spent = Math.max(0, spent - 1);
              used.put(member, spent);
            }
          }
          Delta delta = deltas.computeIfAbsent(withdraw.ideaId(), id -> new Delta());
          delta.votes--;
          delta.mass -= vote.weight();
          long total = tally.votes() + delta.votes;
          outcomes.add(new Withdrawn(withdraw.ideaId(), total, budget.remaining(spent)));
        }
      }
    }

    decided.run();
    if (!deletes.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM idea_vote WHERE member_id = ? AND idea_id = ?")) {
        for (Key key : deletes) {
          s.setLong(1, key.member());
          s.setLong(2, key.idea());
          s.addBatch();
        }
        expectEach(s.executeBatch(), 1, "a vote withdrawn");
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
    writeSpend(c, spendDeltas, spentBefore, week);
    if (!deltas.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE idea_tally SET votes = votes + ?, trend_mass = trend_mass + ?,"
                  + " first_vote_at = COALESCE(first_vote_at, CAST(? AS TIMESTAMP))"
                  + " WHERE idea_id = ? AND votable = TRUE")) {
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
        expectEach(s.executeBatch(), 1, "an idea's tally (closed meanwhile)");
      }
    }
    return outcomes;
  }

  private static Key keyOf(IdeaVoteCommand command) {
    if (command instanceof Cast cast) {
      return new Key(cast.member().value(), cast.ideaId());
    }
    Withdraw withdraw = (Withdraw) command;
    return new Key(withdraw.member().value(), withdraw.ideaId());
  }

  /**
   * Applies the batch's spending. A row read at the start is updated only if it still holds what
   * was read: another instance on the same database that spent from the same budget meanwhile makes
   * the batch fail with {@link ConflictingWrite} (and the ingest retry it), never overspend.
   */
  private static void writeSpend(
      Connection c, Map<Spend, Integer> deltas, Map<Long, Integer> spentBefore, LocalDate week)
      throws SQLException {
    List<Map.Entry<Spend, Integer>> current = new ArrayList<>();
    List<Map.Entry<Spend, Integer>> fresh = new ArrayList<>();
    List<Map.Entry<Spend, Integer>> past = new ArrayList<>();
    for (Map.Entry<Spend, Integer> delta : deltas.entrySet()) {
      if (delta.getValue() == 0) {
        continue;
      }
      if (!delta.getKey().week().equals(week)) {
        past.add(delta);
      } else if (spentBefore.containsKey(delta.getKey().member())) {
        current.add(delta);
      } else {
        fresh.add(delta);
      }
    }
    if (!current.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE vote_spend SET used = used + ? WHERE member_id = ? AND week = ?"
                  + " AND used = ?")) {
        for (Map.Entry<Spend, Integer> delta : current) {
          s.setInt(1, delta.getValue());
          s.setLong(2, delta.getKey().member());
          s.setDate(3, Date.valueOf(week));
          s.setInt(4, spentBefore.get(delta.getKey().member()));
          s.addBatch();
        }
        expectEach(s.executeBatch(), 1, "a weekly budget");
      }
    }
    if (!past.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE vote_spend SET used = used + ? WHERE member_id = ? AND week = ?")) {
        for (Map.Entry<Spend, Integer> delta : past) {
          s.setInt(1, delta.getValue());
          s.setLong(2, delta.getKey().member());
          s.setDate(3, Date.valueOf(delta.getKey().week()));
          s.addBatch();
        }
        expectEach(s.executeBatch(), 1, "an earlier week's budget");
      }
    }
    if (!fresh.isEmpty()) {
      // A concurrent first vote of the same member-week elsewhere fails this on the primary key.
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO vote_spend (member_id, week, used) VALUES (?, ?, ?)")) {
        for (Map.Entry<Spend, Integer> delta : fresh) {
          if (delta.getValue() < 0) {
            throw new ConflictingWrite("a weekly budget refunded before it was spent");
          }
          s.setLong(1, delta.getKey().member());
          s.setDate(2, Date.valueOf(week));
          s.setInt(3, delta.getValue());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
  }

  private static void expectEach(int[] counts, int expected, String what) {
    for (int count : counts) {
      if (count != expected && count != java.sql.Statement.SUCCESS_NO_INFO) {
        throw new ConflictingWrite(what + " changed while the batch was being written");
      }
    }
  }

  /** Each idea of the batch: one primary-key probe. */
  private static Map<Long, Tally> readTallies(Connection c, Set<Long> ideaIds) throws SQLException {
    Map<Long, Tally> tallies = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT votes, votable FROM idea_tally WHERE idea_id = ?")) {
      for (long idea : ideaIds) {
        s.setLong(1, idea);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            tallies.put(idea, new Tally(rs.getLong(1), rs.getBoolean(2)));
          }
        }
      }
    }
    return tallies;
  }

  /** Each (member, idea) of the batch: one primary-key probe, the cheapest read there is. */
  private static Map<Key, Vote> readVotes(Connection c, Set<Key> keys) throws SQLException {
    Map<Key, Vote> votes = new HashMap<>();
    if (keys.isEmpty()) {
      return votes;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT charged_week, trend_weight, refunded FROM idea_vote"
                + " WHERE member_id = ? AND idea_id = ?")) {
      for (Key key : keys) {
        s.setLong(1, key.member());
        s.setLong(2, key.idea());
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            votes.put(
                key,
                new Vote(rs.getDate(1).toLocalDate(), rs.getDouble(2), rs.getBoolean(3), false));
          }
        }
      }
    }
    return votes;
  }

  private static Map<Long, Integer> readSpend(Connection c, Set<Long> memberIds, LocalDate week)
      throws SQLException {
    Map<Long, Integer> used = new HashMap<>();
    for (List<Long> chunk : chunks(memberIds)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT member_id, used FROM vote_spend WHERE week = ? AND member_id IN ("
                  + marks(chunk.size())
                  + ")")) {
        s.setDate(1, Date.valueOf(week));
        bind(s, 2, chunk);
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
    Map<Spend, Integer> refunds = new TreeMap<>(SPEND_ORDER);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT member_id, charged_week FROM idea_vote WHERE idea_id = ? AND refunded = FALSE")) {
      s.setLong(1, ideaId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          refunds.merge(new Spend(rs.getLong(1), rs.getDate(2).toLocalDate()), -1, Integer::sum);
        }
      }
    }
    giveBack(c, refunds);
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
    Map<Spend, Integer> refunds = new TreeMap<>(SPEND_ORDER);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT member_id, charged_week, refunded FROM idea_vote WHERE idea_id = ?")) {
      s.setLong(1, from);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long voter = rs.getLong(1);
          if (votersOfTarget.contains(voter)) {
            overlap.add(voter);
            if (!rs.getBoolean(3)) {
              refunds.merge(new Spend(voter, rs.getDate(2).toLocalDate()), -1, Integer::sum);
            }
          }
        }
      }
    }
    giveBack(c, refunds);
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

  /** Returns refunded votes to the budgets of the weeks that paid for them. */
  private static void giveBack(Connection c, Map<Spend, Integer> refunds) throws SQLException {
    if (refunds.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE vote_spend SET used = used + ? WHERE member_id = ? AND week = ?")) {
      for (Map.Entry<Spend, Integer> refund : refunds.entrySet()) {
        s.setInt(1, refund.getValue());
        s.setLong(2, refund.getKey().member());
        s.setDate(3, Date.valueOf(refund.getKey().week()));
        s.addBatch();
      }
      s.executeBatch();
    }
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

  /**
   * The ids in ascending order, in chunks padded (by repeating the last id) to one of a few fixed
   * sizes: each distinct IN-list length is a distinct statement for the database to compile and
   * cache, so batches of every size from 1 to 256 would otherwise keep it compiling.
   */
  static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = new ArrayList<>(ids);
    Collections.sort(all);
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_CHUNK) {
      List<Long> chunk = new ArrayList<>(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
      int size = IN_SIZES[IN_SIZES.length - 1];
      for (int candidate : IN_SIZES) {
        if (candidate >= chunk.size()) {
          size = candidate;
          break;
        }
      }
      while (chunk.size() < size) {
        chunk.add(chunk.get(chunk.size() - 1));
      }
      chunks.add(chunk);
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
