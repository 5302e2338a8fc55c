package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.MemberId;
import org.tribune.selection.control.EndorsementCommand.Endorse;
import org.tribune.testsupport.MemoryDatabase;

class EndorsementStoreTest {

  private static final Instant OPENS = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant ENDORSING = OPENS.plus(Duration.ofDays(7));
  private static final Instant VOTING = OPENS.plus(Duration.ofDays(10));

  private MemoryDatabase db;
  private SelectionRows rows;
  private long round;
  private long[] members = new long[4];
  private long first;
  private long second;
  private long third;

  @BeforeEach
  void setUp() throws SQLException {
    db = new MemoryDatabase();
    rows = new SelectionRows(db.dataSource());
    for (int i = 0; i < members.length; i++) {
      members[i] = db.fixtures().member("m" + i);
    }
    round =
        rows.round(members[0], "stv", OPENS, ENDORSING, VOTING, OPENS.plus(Duration.ofDays(15)));
    first = rows.nomination(round, members[1], "ACCEPTED", 0);
    second = rows.nomination(round, members[2], "ACCEPTED", 0);
    third = rows.nomination(round, members[3], "PENDING", 0);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private List<EndorsementOutcome> write(Instant now, EndorsementCommand... commands)
      throws SQLException {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      List<EndorsementOutcome> outcomes =
          new EndorsementStore(Clock.fixed(now, ZoneOffset.UTC)).write(c, List.of(commands));
      c.commit();
      return outcomes;
    }
  }

  private Endorse endorse(int member, long nomination) {
    return new Endorse(new MemberId(members[member]), nomination);
  }

  @Test
  void endorsementsCountPerNomineeAndDuplicatesAreRefusedPerRow() throws SQLException {
    List<EndorsementOutcome> outcomes =
        write(
            ENDORSING, endorse(0, first), endorse(1, first), endorse(0, first), endorse(0, second));
    assertEquals(new EndorsementOutcome.Counted(first, 1), outcomes.get(0));
    assertEquals(new EndorsementOutcome.Counted(first, 2), outcomes.get(1));
    assertInstanceOf(EndorsementOutcome.Duplicate.class, outcomes.get(2));
    assertEquals(new EndorsementOutcome.Counted(second, 1), outcomes.get(3));
    assertInstanceOf(
        EndorsementOutcome.Duplicate.class, write(ENDORSING, endorse(1, first)).get(0));
    assertEquals(
        2, rows.single("SELECT endorsements FROM selection_nomination WHERE id = " + first));
    assertEquals(3, rows.single("SELECT endorsements_cast FROM selection_round"));
    assertEquals(3, rows.single("SELECT COUNT(*) FROM selection_endorsement"));
  }

  @Test
  void onlyStandingNomineesDuringEndorsementCanBeEndorsed() throws SQLException {
    assertInstanceOf(EndorsementOutcome.Closed.class, write(ENDORSING, endorse(0, third)).get(0));
    assertInstanceOf(
        EndorsementOutcome.Closed.class, write(ENDORSING.minusMillis(1), endorse(0, first)).get(0));
    assertInstanceOf(EndorsementOutcome.Closed.class, write(VOTING, endorse(0, first)).get(0));
    assertInstanceOf(
        EndorsementOutcome.NotFound.class, write(ENDORSING, endorse(0, first + 100)).get(0));
    assertEquals(0, rows.single("SELECT COUNT(*) FROM selection_endorsement"));
  }

  @Test
  void theShortlistTakesTheMostEndorsedAndAfterItNoEndorsementLands() throws SQLException {
    long fourth = rows.nomination(round, db.fixtures().member("late"), "ACCEPTED", 0);
    write(ENDORSING, endorse(0, second), endorse(1, second), endorse(2, fourth), endorse(0, first));
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      assertTrue(ShortlistFreeze.freezeIfDue(c, round, 2, VOTING));
      c.commit();
    }
    // second (2) and, of first and fourth with 1 each, the earlier acceptance: first.
    assertEquals(
        1, rows.single("SELECT ballot_position FROM selection_nomination WHERE id = " + first));
    assertEquals(
        2, rows.single("SELECT ballot_position FROM selection_nomination WHERE id = " + second));
    assertEquals(
        1,
        rows.single(
            "SELECT COUNT(*) FROM selection_nomination WHERE ballot_position IS NULL AND id = "
                + fourth));
    try (Connection c = db.connection()) {
      assertEquals(false, ShortlistFreeze.freezeIfDue(c, round, 2, VOTING));
    }
    // Even a writer whose clock still says "endorsing" cannot add to a frozen shortlist.
    assertInstanceOf(
        EndorsementOutcome.Closed.class,
        write(ENDORSING.plusSeconds(1), endorse(3, fourth)).get(0));
  }

  @Test
  void recallSignaturesReachTheThreshold() throws SQLException {
    long delegate;
    try (Connection c = db.connection();
        var s =
            c.prepareStatement(
                "INSERT INTO selection_delegate (round_id, member_id, elected_order, member_type,"
                    + " term_starts_at, term_ends_at, status, recall_signatures, version)"
                    + " VALUES (?, ?, 1, 'casual', ?, ?, 'serving', 0, 1)",
                new String[] {"ID"})) {
      s.setLong(1, round);
      s.setLong(2, members[1]);
      s.setTimestamp(3, java.sql.Timestamp.from(VOTING));
      s.setTimestamp(4, java.sql.Timestamp.from(VOTING.plus(Duration.ofDays(365))));
      s.executeUpdate();
      try (var keys = s.getGeneratedKeys()) {
        keys.next();
        delegate = keys.getLong(1);
      }
    }
    List<EndorsementOutcome> outcomes =
        write(
            VOTING.plusSeconds(60),
            new EndorsementCommand.SignRecall(new MemberId(members[2]), delegate),
            new EndorsementCommand.SignRecall(new MemberId(members[3]), delegate));
    assertEquals(new EndorsementOutcome.Counted(delegate, 1), outcomes.get(0));
    assertEquals(new EndorsementOutcome.RecallReached(delegate, 2), outcomes.get(1));
  }
}
