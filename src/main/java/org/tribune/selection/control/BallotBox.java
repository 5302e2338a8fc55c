package org.tribune.selection.control;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribune.ingest.control.BatchWriter;
import org.tribune.selection.control.BallotOutcome.AlreadyVoted;
import org.tribune.selection.control.BallotOutcome.NoSuchRound;
import org.tribune.selection.control.BallotOutcome.NotVoting;

/**
 * The secret ballot box, written in the vote ingest's transaction. For each accepted ballot the
 * same transaction writes a has-voted row (round, member) and an anonymous ballot row (random id,
 * round, ranking, receipt), and adds to the round's ballot counter.
 *
 * <p>What keeps the two rows apart: they share no column but the round; the ballot row has no
 * member, no time and no generated sequence; within a batch the has-voted rows are written in
 * member order and the ballot rows in a fresh random order, so neither the order of statements nor
 * of rows pairs them up; and every read of ballots orders them by receipt or random id. The round's
 * counter update is guarded by the close of voting and the count, so a ballot can never land after
 * the count read the box.
 */
public final class BallotBox implements BatchWriter<CastBallot, BallotOutcome> {

  private static final SecureRandom SHUFFLE = new SecureRandom();

  private final Clock clock;

  public BallotBox(Clock clock) {
    this.clock = clock;
  }

  private record Key(long round, long member) {}

  @Override
  public List<BallotOutcome> write(Connection c, List<CastBallot> commands) throws SQLException {
    Instant now = clock.instant();
    Map<Long, Boolean> voting = new HashMap<>();
    Set<Key> voted = new HashSet<>();
    List<BallotOutcome> outcomes = new ArrayList<>(commands.size());
    List<Integer> accepted = new ArrayList<>();
    for (CastBallot ballot : commands) {
      Boolean open = voting.get(ballot.roundId());
      if (open == null && !voting.containsKey(ballot.roundId())) {
        open = votingOpen(c, ballot.roundId(), now);
        voting.put(ballot.roundId(), open);
      }
      Key key = new Key(ballot.roundId(), ballot.member().value());
      if (open == null) {
        outcomes.add(new NoSuchRound(ballot.roundId()));
      } else if (!open) {
        outcomes.add(new NotVoting(ballot.roundId()));
      } else if (voted.contains(key) || hasVoted(c, key)) {
        outcomes.add(new AlreadyVoted(ballot.roundId()));
      } else {
        voted.add(key);
        outcomes.add(new BallotOutcome.Cast(ballot.roundId(), ballot.receipt()));
        accepted.add(outcomes.size() - 1);
      }
    }

    Map<Long, Long> perRound = new LinkedHashMap<>();
    accepted.forEach(i -> perRound.merge(commands.get(i).roundId(), 1L, Long::sum));
    Set<Long> closed = new HashSet<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE selection_round SET ballots_cast = ballots_cast + ? WHERE id = ?"
                + " AND counted_at IS NULL AND cancelled_at IS NULL AND voting_closes_at > ?")) {
      for (Map.Entry<Long, Long> round : perRound.entrySet()) {
        s.setLong(1, round.getValue());
        s.setLong(2, round.getKey());
        s.setTimestamp(3, Timestamp.from(now));
        if (s.executeUpdate() == 0) {
          closed.add(round.getKey());
        }
      }
    }
    List<CastBallot> box = new ArrayList<>();
    for (int i : accepted) {
      CastBallot ballot = commands.get(i);
      if (closed.contains(ballot.roundId())) {
        outcomes.set(i, new NotVoting(ballot.roundId()));
      } else {
        box.add(ballot);
      }
    }
    if (box.isEmpty()) {
      return outcomes;
    }

    List<CastBallot> voters = new ArrayList<>(box);
    voters.sort(
        Comparator.comparingLong(CastBallot::roundId).thenComparingLong(b -> b.member().value()));
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO selection_voter (round_id, member_id) VALUES (?, ?)")) {
      for (CastBallot ballot : voters) {
        s.setLong(1, ballot.roundId());
        s.setLong(2, ballot.member().value());
        s.addBatch();
      }
      s.executeBatch();
    }
    List<CastBallot> shuffled = new ArrayList<>(box);
    Collections.shuffle(shuffled, SHUFFLE);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO selection_ballot (id, round_id, ranking, receipt) VALUES (?, ?, ?, ?)")) {
      for (CastBallot ballot : shuffled) {
        s.setString(1, ballot.ballotId());
        s.setLong(2, ballot.roundId());
        s.setString(3, ballot.ranking());
        s.setString(4, ballot.receipt());
        s.addBatch();
      }
      s.executeBatch();
    }
    return outcomes;
  }

  /** Null when there is no such round; otherwise whether it takes ballots now. */
  private static Boolean votingOpen(Connection c, long roundId, Instant now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT method, endorsement_closes_at, voting_closes_at, counted_at, cancelled_at"
                + " FROM selection_round WHERE id = ?")) {
      s.setLong(1, roundId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return !"sortition".equals(rs.getString(1))
            && !now.isBefore(rs.getTimestamp(2).toInstant())
            && now.isBefore(rs.getTimestamp(3).toInstant())
            && rs.getTimestamp(4) == null
            && rs.getTimestamp(5) == null;
      }
    }
  }

  private static boolean hasVoted(Connection c, Key key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM selection_voter WHERE round_id = ? AND member_id = ?")) {
      s.setLong(1, key.round());
      s.setLong(2, key.member());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }
}
