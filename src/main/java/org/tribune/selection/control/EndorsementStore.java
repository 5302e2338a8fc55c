package org.tribune.selection.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribune.ingest.control.BatchWriter;
import org.tribune.selection.control.EndorsementCommand.Endorse;
import org.tribune.selection.control.EndorsementCommand.SignRecall;
import org.tribune.selection.control.EndorsementCommand.Upvote;
import org.tribune.selection.control.EndorsementOutcome.Closed;
import org.tribune.selection.control.EndorsementOutcome.Counted;
import org.tribune.selection.control.EndorsementOutcome.Duplicate;
import org.tribune.selection.control.EndorsementOutcome.NotFound;
import org.tribune.selection.control.EndorsementOutcome.RecallReached;

/**
 * Writes endorsements, question upvotes and recall signatures in the vote ingest's transaction.
 * Each command is decided in order: its subject is read once per batch, a duplicate is found per
 * row (already stored, or earlier in the same batch) and refused without failing the others, and
 * the counters (nominee endorsements, question upvotes, petition signatures, the round's
 * endorsement count) move in the same transaction as the rows they count. The primary keys stay the
 * final guard against a double vote.
 *
 * <p>An endorsement is taken only while {@code now} is inside the endorsement phase and the round's
 * shortlist is not frozen; the round's counter update is guarded by both, so an endorsement can
 * never land after the shortlist was drawn from the counts.
 */
public final class EndorsementStore implements BatchWriter<EndorsementCommand, EndorsementOutcome> {

  private final Clock clock;

  public EndorsementStore(Clock clock) {
    this.clock = clock;
  }

  private record Subject(long roundId, boolean open, String why, long count, long threshold) {}

  private record Key(String kind, long subject, long member) {}

  @Override
  public List<EndorsementOutcome> write(Connection c, List<EndorsementCommand> commands)
      throws SQLException {
    Instant now = clock.instant();
    Timestamp at = Timestamp.from(now);
    Map<String, Subject> subjects = new HashMap<>();
    Set<Key> seen = new HashSet<>();
    List<EndorsementOutcome> outcomes = new ArrayList<>(commands.size());
    List<Integer> accepted = new ArrayList<>();
    Map<String, Long> added = new LinkedHashMap<>();

    for (EndorsementCommand command : commands) {
      String kind = kind(command);
      long id = subjectId(command);
      Subject subject = subjects.get(kind + id);
      if (subject == null && !subjects.containsKey(kind + id)) {
        subject = readSubject(c, command, now);
        subjects.put(kind + id, subject);
      }
      Key key = new Key(kind, id, command.member().value());
      if (subject == null) {
        outcomes.add(new NotFound(id));
      } else if (!subject.open()) {
        outcomes.add(new Closed(id, subject.why()));
      } else if (seen.contains(key) || exists(c, command)) {
        outcomes.add(new Duplicate(id));
      } else {
        seen.add(key);
        long total = subject.count() + added.merge(kind + id, 1L, Long::sum);
        if (command instanceof SignRecall
            && subject.threshold() > 0
            && total >= subject.threshold()) {
          outcomes.add(new RecallReached(id, total));
        } else {
          outcomes.add(new Counted(id, total));
        }
        accepted.add(outcomes.size() - 1);
      }
    }

    // Endorsements count towards the round only while its shortlist is not frozen.
    Map<Long, Long> perRound = new LinkedHashMap<>();
    for (int i : accepted) {
      if (commands.get(i) instanceof Endorse endorse) {
        perRound.merge(subjects.get("n" + endorse.nominationId()).roundId(), 1L, Long::sum);
      }
    }
    Set<Long> frozenRounds = new HashSet<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE selection_round SET endorsements_cast = endorsements_cast + ?"
                + " WHERE id = ? AND shortlist_frozen = FALSE AND endorsement_closes_at > ?")) {
      for (Map.Entry<Long, Long> round : perRound.entrySet()) {
        s.setLong(1, round.getValue());
        s.setLong(2, round.getKey());
        s.setTimestamp(3, at);
        if (s.executeUpdate() == 0) {
          frozenRounds.add(round.getKey());
        }
      }
    }

    List<EndorsementCommand> inserts = new ArrayList<>();
    Map<String, Long> counters = new LinkedHashMap<>();
    for (int i : accepted) {
      EndorsementCommand command = commands.get(i);
      if (command instanceof Endorse endorse
          && frozenRounds.contains(subjects.get("n" + endorse.nominationId()).roundId())) {
        outcomes.set(i, new Closed(endorse.nominationId(), "endorsement has closed"));
        continue;
      }
      inserts.add(command);
      counters.merge(kind(command) + subjectId(command), 1L, Long::sum);
    }
    insert(c, inserts, at);
    updateCounters(c, counters);
    return outcomes;
  }

  private static String kind(EndorsementCommand command) {
    if (command instanceof Endorse) {
      return "n";
    }
    if (command instanceof Upvote) {
      return "q";
    }
    return "d";
  }

  private static long subjectId(EndorsementCommand command) {
    if (command instanceof Endorse e) {
      return e.nominationId();
    }
    if (command instanceof Upvote u) {
      return u.questionId();
    }
    return ((SignRecall) command).delegateId();
  }

  private static Subject readSubject(Connection c, EndorsementCommand command, Instant now)
      throws SQLException {
    if (command instanceof Endorse e) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT n.round_id, n.status, n.endorsements, r.nomination_closes_at,"
                  + " r.endorsement_closes_at, r.cancelled_at, r.shortlist_frozen"
                  + " FROM selection_nomination n JOIN selection_round r ON r.id = n.round_id"
                  + " WHERE n.id = ?")) {
        s.setLong(1, e.nominationId());
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          boolean inPhase =
              !now.isBefore(rs.getTimestamp(4).toInstant())
                  && now.isBefore(rs.getTimestamp(5).toInstant())
                  && rs.getTimestamp(6) == null
                  && !rs.getBoolean(7);
          boolean standing = "ACCEPTED".equals(rs.getString(2));
          String why = !inPhase ? "the round is not in its endorsement phase" : "not standing";
          return new Subject(rs.getLong(1), inPhase && standing, why, rs.getLong(3), 0);
        }
      }
    }
    if (command instanceof Upvote u) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT q.round_id, q.upvotes, r.endorsement_closes_at, r.cancelled_at"
                  + " FROM selection_question q JOIN selection_round r ON r.id = q.round_id"
                  + " WHERE q.id = ?")) {
        s.setLong(1, u.questionId());
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          boolean open = now.isBefore(rs.getTimestamp(3).toInstant()) && rs.getTimestamp(4) == null;
          return new Subject(rs.getLong(1), open, "the questionnaire has closed", rs.getLong(2), 0);
        }
      }
    }
    SignRecall r = (SignRecall) command;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT d.round_id, d.status, d.term_ends_at, d.recall_signatures,"
                + " r.recall_threshold FROM selection_delegate d"
                + " JOIN selection_round r ON r.id = d.round_id WHERE d.id = ?")) {
      s.setLong(1, r.delegateId());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        boolean open =
            "serving".equals(rs.getString(2))
                && now.isBefore(rs.getTimestamp(3).toInstant())
                && rs.getInt(5) > 0;
        return new Subject(
            rs.getLong(1),
            open,
            "the delegate is not serving or the round has no recall",
            rs.getLong(4),
            rs.getInt(5));
      }
    }
  }

  private static boolean exists(Connection c, EndorsementCommand command) throws SQLException {
    String sql;
    if (command instanceof Endorse) {
      sql = "SELECT 1 FROM selection_endorsement WHERE nomination_id = ? AND member_id = ?";
    } else if (command instanceof Upvote) {
      sql = "SELECT 1 FROM selection_question_vote WHERE question_id = ? AND member_id = ?";
    } else {
      sql = "SELECT 1 FROM selection_recall_signature WHERE delegate_id = ? AND member_id = ?";
    }
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, subjectId(command));
      s.setLong(2, command.member().value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void insert(Connection c, List<EndorsementCommand> inserts, Timestamp at)
      throws SQLException {
    try (PreparedStatement endorse =
            c.prepareStatement(
                "INSERT INTO selection_endorsement (nomination_id, member_id, endorsed_at)"
                    + " VALUES (?, ?, ?)");
        PreparedStatement upvote =
            c.prepareStatement(
                "INSERT INTO selection_question_vote (question_id, member_id) VALUES (?, ?)");
        PreparedStatement sign =
            c.prepareStatement(
                "INSERT INTO selection_recall_signature (delegate_id, member_id, signed_at)"
                    + " VALUES (?, ?, ?)")) {
      boolean[] used = new boolean[3];
      for (EndorsementCommand command : inserts) {
        PreparedStatement s;
        if (command instanceof Endorse) {
          s = endorse;
          used[0] = true;
        } else if (command instanceof Upvote) {
          s = upvote;
          used[1] = true;
        } else {
          s = sign;
          used[2] = true;
        }
        s.setLong(1, subjectId(command));
        s.setLong(2, command.member().value());
        if (s != upvote) {
          s.setTimestamp(3, at);
        }
        s.addBatch();
      }
      if (used[0]) {
        endorse.executeBatch();
      }
      if (used[1]) {
        upvote.executeBatch();
      }
      if (used[2]) {
        sign.executeBatch();
      }
    }
  }

  private static void updateCounters(Connection c, Map<String, Long> counters) throws SQLException {
    for (Map.Entry<String, Long> counter : counters.entrySet()) {
      String sql =
          switch (counter.getKey().charAt(0)) {
            case 'n' ->
                "UPDATE selection_nomination SET endorsements = endorsements + ?" + " WHERE id = ?";
            case 'q' -> "UPDATE selection_question SET upvotes = upvotes + ? WHERE id = ?";
            default ->
                "UPDATE selection_delegate SET recall_signatures = recall_signatures + ?"
                    + " WHERE id = ?";
          };
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setLong(1, counter.getValue());
        s.setLong(2, Long.parseLong(counter.getKey().substring(1)));
        s.executeUpdate();
      }
    }
  }
}
