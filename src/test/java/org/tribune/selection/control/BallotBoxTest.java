package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.MemberId;
import org.tribune.testsupport.MemoryDatabase;

/** The ballot box against a real (in-memory Derby) schema, with a clock the test sets. */
class BallotBoxTest {

  private static final Instant OPENS = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant VOTING = OPENS.plus(Duration.ofDays(10));
  private static final Instant CLOSES = OPENS.plus(Duration.ofDays(15));

  private MemoryDatabase db;
  private SelectionRows rows;
  private long round;
  private long alice;
  private long bob;

  @BeforeEach
  void setUp() throws SQLException {
    db = new MemoryDatabase();
    rows = new SelectionRows(db.dataSource());
    long manager = db.fixtures().member("manager");
    alice = db.fixtures().member("alice");
    bob = db.fixtures().member("bob");
    round = rows.round(manager, "stv", OPENS, OPENS.plus(Duration.ofDays(7)), VOTING, CLOSES);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private List<BallotOutcome> write(Instant now, CastBallot... ballots) throws SQLException {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      List<BallotOutcome> outcomes =
          new BallotBox(Clock.fixed(now, ZoneOffset.UTC)).write(c, List.of(ballots));
      c.commit();
      return outcomes;
    }
  }

  private CastBallot ballot(long member, String ranking) {
    String nonce = BallotReceipt.randomHex();
    return new CastBallot(
        round,
        new MemberId(member),
        ranking,
        BallotReceipt.receipt(nonce, ranking),
        BallotReceipt.randomHex());
  }

  @Test
  void aBallotWritesAHasVotedRowAndAnAnonymousBallotAndCountsIt() throws SQLException {
    CastBallot cast = ballot(alice, "2,1");
    List<BallotOutcome> outcomes = write(VOTING.plusSeconds(5), cast);
    assertEquals(new BallotOutcome.Cast(round, cast.receipt()), outcomes.get(0));
    assertEquals(1, rows.single("SELECT COUNT(*) FROM selection_voter"));
    assertEquals(1, rows.single("SELECT COUNT(*) FROM selection_ballot"));
    assertEquals(1, rows.single("SELECT ballots_cast FROM selection_round"));
  }

  @Test
  void aSecondBallotIsRefusedPerRowWhetherStoredOrInTheSameBatch() throws SQLException {
    write(VOTING, ballot(alice, "1"));
    List<BallotOutcome> outcomes =
        write(VOTING.plusSeconds(1), ballot(alice, "2"), ballot(bob, "1,2"), ballot(bob, "2"));
    assertInstanceOf(BallotOutcome.AlreadyVoted.class, outcomes.get(0));
    assertInstanceOf(BallotOutcome.Cast.class, outcomes.get(1));
    assertInstanceOf(BallotOutcome.AlreadyVoted.class, outcomes.get(2));
    assertEquals(2, rows.single("SELECT COUNT(*) FROM selection_ballot"));
    assertEquals(2, rows.single("SELECT ballots_cast FROM selection_round"));
  }

  @Test
  void ballotsAreTakenOnlyWhileVotingRuns() throws SQLException {
    assertInstanceOf(
        BallotOutcome.NotVoting.class, write(VOTING.minusMillis(1), ballot(alice, "1")).get(0));
    assertInstanceOf(BallotOutcome.NotVoting.class, write(CLOSES, ballot(alice, "1")).get(0));
    assertInstanceOf(
        BallotOutcome.NoSuchRound.class,
        write(VOTING, new CastBallot(round + 99, new MemberId(alice), "1", "r".repeat(64), "id"))
            .get(0));
    assertEquals(0, rows.single("SELECT COUNT(*) FROM selection_voter"));
    assertEquals(0, rows.single("SELECT COUNT(*) FROM selection_ballot"));
  }

  @Test
  void aCountedRoundTakesNoMoreBallots() throws SQLException {
    try (Connection c = db.connection()) {
      c.createStatement()
          .executeUpdate("UPDATE selection_round SET counted_at = CURRENT_TIMESTAMP");
    }
    assertInstanceOf(BallotOutcome.NotVoting.class, write(VOTING, ballot(alice, "1")).get(0));
    assertEquals(0, rows.single("SELECT COUNT(*) FROM selection_voter"));
  }

  @Test
  void ballotRowsCarryNoMemberNoTimeAndNoSequence() throws SQLException {
    assertEquals(Set.of("ID", "ROUND_ID", "RANKING", "RECEIPT"), columns("SELECTION_BALLOT"));
    assertEquals(Set.of("ROUND_ID", "MEMBER_ID"), columns("SELECTION_VOTER"));
    try (Connection c = db.connection();
        ResultSet rs = c.getMetaData().getColumns(null, null, "SELECTION_BALLOT", "ID")) {
      rs.next();
      assertEquals("CHAR", rs.getString("TYPE_NAME"));
      assertEquals("NO", rs.getString("IS_AUTOINCREMENT"));
    }
  }

  private Set<String> columns(String table) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (Connection c = db.connection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getColumns(null, null, table, null)) {
        while (rs.next()) {
          names.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    return names;
  }
}
