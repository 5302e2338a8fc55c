package org.tribune.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
  }

  @Test
  void aVoteCastAndWithdrawnInOneBatchLeavesNothing() throws SQLException {
    long idea = db.fixtures().idea(author, "Battery saver");
    MemberId cy = member("cy");
    List<IdeaVoteOutcome> outcomes = write(new Cast(cy, idea), new Withdraw(cy, idea));
    assertEquals(new Withdrawn(idea, 0, 3), outcomes.get(1));
    assertEquals(0, count("SELECT COUNT(*) FROM idea_vote"));
    assertTalliesMatchStoredVotes();
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

  private void assertTalliesMatchStoredVotes() throws SQLException {
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM idea_tally t WHERE t.votes <>"
                + " (SELECT COUNT(*) FROM idea_vote v WHERE v.idea_id = t.idea_id)"));
  }
}
