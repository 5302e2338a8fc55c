package org.tribune.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.MemberId;
import org.tribune.ingest.control.ConflictingWrite;
import org.tribune.testsupport.MemoryDatabase;
import org.tribune.voting.control.IdeaVoteCommand;
import org.tribune.voting.control.IdeaVoteCommand.Cast;
import org.tribune.voting.control.IdeaVoteCommand.CloseVoting;
import org.tribune.voting.control.IdeaVoteCommand.Merge;
import org.tribune.voting.control.IdeaVoteCommand.Withdraw;
import org.tribune.voting.control.IdeaVoteOutcome;
import org.tribune.voting.control.IdeaVoteOutcome.AlreadyVoted;
import org.tribune.voting.control.IdeaVoteOutcome.BudgetExhausted;
import org.tribune.voting.control.IdeaVoteOutcome.Counted;
import org.tribune.voting.control.IdeaVoteOutcome.IdeaClosed;
import org.tribune.voting.control.IdeaVoteOutcome.Merged;
import org.tribune.voting.control.IdeaVoteOutcome.NoSuchIdea;
import org.tribune.voting.control.IdeaVoteOutcome.NoVote;
import org.tribune.voting.control.IdeaVoteOutcome.VotingClosed;
import org.tribune.voting.control.IdeaVoteOutcome.Withdrawn;
import org.tribune.voting.control.IdeaVoteStore;
import org.tribune.voting.control.VoteBudgetPolicy;

class IdeaVoteStoreTest {

  private MemoryDatabase db;
  private IdeaVoteStore store;
  private long author;

  @BeforeEach
  void setUp() throws SQLException {
    db = new MemoryDatabase();
    store =
        new IdeaVoteStore(
            new VoteBudgetPolicy(3),
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
    author = db.fixtures().member("author");
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private List<IdeaVoteOutcome> write(IdeaVoteCommand... commands) throws SQLException {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      List<IdeaVoteOutcome> outcomes = store.write(c, List.of(commands));
      c.commit();
      return outcomes;
    }
  }

  private MemberId member(String name) throws SQLException {
    return new MemberId(db.fixtures().member(name));
  }

  @Test
  void aFirstVoteIsCountedAndASecondOnTheSameIdeaIsAlreadyVoted() throws SQLException {
    long idea = db.fixtures().idea(author, "Dark mode");
    MemberId ann = member("ann");
    List<IdeaVoteOutcome> outcomes = write(new Cast(ann, idea), new Cast(ann, idea));
    assertEquals(new Counted(idea, 1, 2), outcomes.get(0));
    assertEquals(new AlreadyVoted(idea), outcomes.get(1));
    assertEquals(new AlreadyVoted(idea), write(new Cast(ann, idea)).get(0));
    assertTalliesMatchStoredVotes();
  }

  @Test
  void theVoteAfterTheWeeklyBudgetIsRefusedUntilOneIsWithdrawn() throws SQLException {
    MemberId bob = member("bob");
    long[] ideas = new long[4];
    for (int i = 0; i < ideas.length; i++) {
      ideas[i] = db.fixtures().idea(author, "Idea " + i);
    }
    List<IdeaVoteOutcome> outcomes =
        write(
            new Cast(bob, ideas[0]),
            new Cast(bob, ideas[1]),
            new Cast(bob, ideas[2]),
            new Cast(bob, ideas[3]));
    assertEquals(0, ((Counted) outcomes.get(2)).remaining());
    BudgetExhausted exhausted = assertInstanceOf(BudgetExhausted.class, outcomes.get(3));
    assertEquals(Instant.parse("2026-11-30T00:00:00Z"), exhausted.resetsAt());

    List<IdeaVoteOutcome> after = write(new Withdraw(bob, ideas[1]), new Cast(bob, ideas[3]));
    assertEquals(new Withdrawn(ideas[1], 0, 1), after.get(0));
    assertEquals(new Counted(ideas[3], 1, 0), after.get(1));
    assertTalliesMatchStoredVotes();
    assertSpendMatchesStoredVotes();
  }

  @Test
  void aVoteCastAndWithdrawnInOneBatchLeavesNothing() throws SQLException {
    long idea = db.fixtures().idea(author, "Battery saver");
    MemberId cy = member("cy");
    List<IdeaVoteOutcome> outcomes = write(new Cast(cy, idea), new Withdraw(cy, idea));
    assertEquals(new Withdrawn(idea, 0, 3), outcomes.get(1));
    assertEquals(0, count("SELECT COUNT(*) FROM idea_vote"));
    assertTalliesMatchStoredVotes();
    assertSpendMatchesStoredVotes();
  }

  @Test
  void withdrawingAVoteThatIsNotThereIsNoVote() throws SQLException {
    long idea = db.fixtures().idea(author, "Call recorder");
    assertEquals(new NoVote(idea), write(new Withdraw(member("dee"), idea)).get(0));
  }

  @Test
  void votingOnAMissingIdeaChangesNothing() throws SQLException {
    assertEquals(new NoSuchIdea(999_999), write(new Cast(member("eve"), 999_999)).get(0));
    assertEquals(0, count("SELECT COUNT(*) FROM idea_vote"));
  }

  @Test
  void closingAnIdeaRefundsItsVotesAndRefusesNewOnes() throws SQLException {
    long idea = db.fixtures().idea(author, "Always-on display");
    MemberId fay = member("fay");
    MemberId gus = member("gus");
    write(new Cast(fay, idea), new Cast(gus, idea));
    List<IdeaVoteOutcome> outcomes = write(new CloseVoting(idea), new Cast(member("hal"), idea));
    assertEquals(new VotingClosed(idea, 2), outcomes.get(0));
    assertEquals(new IdeaClosed(idea), outcomes.get(1));
    // Refunded votes stay on record and in the tally, but no longer spend the budget.
    assertEquals(2, count("SELECT votes FROM idea_tally WHERE idea_id = " + idea));
    long other = db.fixtures().idea(author, "Other");
    Counted counted = (Counted) write(new Cast(fay, other)).get(0);
    assertEquals(2, counted.remaining());
    assertSpendMatchesStoredVotes();
  }

  @Test
  void mergingMovesVotesWithoutCountingAMemberTwice() throws SQLException {
    long a = db.fixtures().idea(author, "Screen recorder");
    long b = db.fixtures().idea(author, "Record the screen");
    MemberId m1 = member("m1");
    MemberId m2 = member("m2");
    MemberId m3 = member("m3");
    MemberId m4 = member("m4");
    write(new Cast(m1, a), new Cast(m2, a), new Cast(m3, a), new Cast(m3, b), new Cast(m4, b));

    Merged merged = (Merged) write(new Merge(b, a)).get(0);
    assertEquals(1, merged.moved());
    assertEquals(1, merged.dropped());
    assertEquals(4, count("SELECT votes FROM idea_tally WHERE idea_id = " + a));
    assertEquals(0, count("SELECT votes FROM idea_tally WHERE idea_id = " + b));
    assertEquals(new IdeaClosed(b), write(new Cast(m1, b)).get(0));
    // m3's second vote was dropped and so returned to the budget: 3 - 1 = 2 left.
    long c = db.fixtures().idea(author, "Third");
    assertEquals(1, ((Counted) write(new Cast(m3, c)).get(0)).remaining());
    assertTalliesMatchStoredVotes();
    assertSpendMatchesStoredVotes();
  }

  @Test
  void manyMembersInOneBatchAreEachCountedOnce() throws SQLException {
    long idea = db.fixtures().idea(author, "Popular");
    List<IdeaVoteCommand> commands = new ArrayList<>();
    List<MemberId> voters = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      voters.add(member("v" + i));
    }
    for (MemberId voter : voters) {
      commands.add(new Cast(voter, idea));
      commands.add(new Cast(voter, idea));
    }
    List<IdeaVoteOutcome> outcomes = write(commands.toArray(IdeaVoteCommand[]::new));
    assertEquals(250, outcomes.stream().filter(Counted.class::isInstance).count());
    assertEquals(250, outcomes.stream().filter(AlreadyVoted.class::isInstance).count());
    assertEquals(250, count("SELECT votes FROM idea_tally WHERE idea_id = " + idea));
    assertTalliesMatchStoredVotes();
  }

  private long count(String sql) throws SQLException {
    return db.fixtures().count(sql);
  }

  @Test
  void aBudgetSpentByAnotherInstanceMeanwhileFailsTheBatchInsteadOfOverspending()
      throws SQLException {
    long[] ideas = new long[4];
    for (int i = 0; i < ideas.length; i++) {
      ideas[i] = db.fixtures().idea(author, "Race " + i);
    }
    MemberId kim = member("kim");
    write(new Cast(kim, ideas[0]), new Cast(kim, ideas[1]));
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    IdeaVoteStore elsewhere = new IdeaVoteStore(new VoteBudgetPolicy(3), clock);
    // This writer reads kim's spending (2 of 3), then, before it writes, another instance spends
    // the last vote of the week.
    IdeaVoteStore here =
        new IdeaVoteStore(
            new VoteBudgetPolicy(3),
            clock,
            () -> {
              try (Connection other = db.connection()) {
                other.setAutoCommit(false);
                elsewhere.write(other, List.of(new Cast(kim, ideas[2])));
                other.commit();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      assertThrows(ConflictingWrite.class, () -> here.write(c, List.of(new Cast(kim, ideas[3]))));
      c.rollback();
    }
    // Written again against fresh state, as the ingest does, the vote is over budget.
    assertInstanceOf(BudgetExhausted.class, write(new Cast(kim, ideas[3])).get(0));
    assertEquals(3, count("SELECT COUNT(*) FROM idea_vote WHERE member_id = " + kim.value()));
    assertSpendMatchesStoredVotes();
  }

  @Test
  void twoWritersOnOneDatabaseNeverOverspendNorCountTwice() throws Exception {
    // Two instances sharing the database, each with its own writer, as in a multi-instance
    // deployment: the same members vote on the same ideas through both at once.
    List<Long> ideas = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ideas.add(db.fixtures().idea(author, "Shared " + i));
    }
    List<MemberId> voters = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      voters.add(member("w" + i));
    }
    IdeaVoteStore other =
        new IdeaVoteStore(
            new VoteBudgetPolicy(3),
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
    java.util.concurrent.atomic.AtomicInteger counted =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger conflicts =
        new java.util.concurrent.atomic.AtomicInteger();
    // Both writers start each batch together, so that they read the same state before either
    // writes.
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    List<Thread> writers = new ArrayList<>();
    for (IdeaVoteStore writer : List.of(store, other)) {
      writers.add(
          new Thread(
              () -> {
                java.util.Random random = new java.util.Random(writers.size());
                try (Connection c = db.connection()) {
                  c.setAutoCommit(false);
                  for (int round = 0; round < 60; round++) {
                    List<IdeaVoteCommand> batch = new ArrayList<>();
                    for (int k = 0; k < 8; k++) {
                      MemberId voter = voters.get(random.nextInt(voters.size()));
                      long idea = ideas.get(random.nextInt(ideas.size()));
                      batch.add(
                          random.nextInt(3) == 0
                              ? new Withdraw(voter, idea)
                              : new Cast(voter, idea));
                    }
                    together.await();
                    counted.addAndGet(writeLikeTheIngest(writer, c, batch, conflicts));
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    writers.forEach(Thread::start);
    for (Thread writer : writers) {
      writer.join();
    }
    assertTalliesMatchStoredVotes();
    assertSpendMatchesStoredVotes();
    assertEquals(0, count("SELECT COUNT(*) FROM vote_spend WHERE used > 3 OR used < 0"));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM (SELECT member_id FROM idea_vote WHERE refunded = FALSE"
                + " GROUP BY member_id HAVING COUNT(*) > 3) t"));
    assertEquals(true, counted.get() > 0);
    assertEquals(true, conflicts.get() > 0, "the writers never raced; the test proves nothing");
  }

  /**
   * What the ingest does with a batch: one transaction; if it fails, each command again alone, a
   * conflict with the other writer tried again against fresh state.
   */
  private static int writeLikeTheIngest(
      IdeaVoteStore writer,
      Connection c,
      List<IdeaVoteCommand> batch,
      java.util.concurrent.atomic.AtomicInteger conflicts)
      throws SQLException {
    try {
      List<IdeaVoteOutcome> outcomes = writer.write(c, batch);
      c.commit();
      return (int) outcomes.stream().filter(Counted.class::isInstance).count();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      conflicts.incrementAndGet();
    }
    int counted = 0;
    for (IdeaVoteCommand command : batch) {
      for (int attempt = 0; ; attempt++) {
        try {
          IdeaVoteOutcome outcome = writer.write(c, List.of(command)).get(0);
          c.commit();
          counted += outcome instanceof Counted ? 1 : 0;
          break;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          if (attempt == 20) {
            throw e;
          }
        }
      }
    }
    return counted;
  }

  private void assertSpendMatchesStoredVotes() throws SQLException {
    // vote_spend holds exactly the GROUP BY of the standing, unrefunded votes (no zero rows
    // missing: a member-week with every vote withdrawn keeps its row at 0).
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM vote_spend s WHERE s.used <>"
                + " (SELECT COUNT(*) FROM idea_vote v WHERE v.member_id = s.member_id"
                + " AND v.charged_week = s.week AND v.refunded = FALSE)"));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM (SELECT member_id, charged_week FROM idea_vote"
                + " WHERE refunded = FALSE GROUP BY member_id, charged_week) g"
                + " WHERE NOT EXISTS (SELECT 1 FROM vote_spend s WHERE s.member_id = g.member_id"
                + " AND s.week = g.charged_week)"));
  }

  private void assertTalliesMatchStoredVotes() throws SQLException {
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM idea_tally t WHERE t.votes <>"
                + " (SELECT COUNT(*) FROM idea_vote v WHERE v.idea_id = t.idea_id)"));
  }
}
