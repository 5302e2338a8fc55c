package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

/**
 * Hand-checked elections. All figures are in units of 10⁻⁶ (1 vote = 1_000_000); the working in
 * each comment follows the rules stated on {@link MeekStv}.
 */
class MeekStvTest {

  private static final CountOptions OPAVOTE = CountOptions.opaVote("tribune-2024");
  private static final long ONE = 1_000_000;

  private static BallotFile election(int seats, int candidates, Ballot... ballots) {
    return election(seats, candidates, Set.of(), ballots);
  }

  private static BallotFile election(
      int seats, int candidates, Set<Integer> withdrawn, Ballot... ballots) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      names.add(String.valueOf((char) ('A' + c)));
    }
    return new BallotFile("test", names, seats, withdrawn, List.of(ballots));
  }

  // N = 7, Droop threshold floor(7_000_000 / 2) + 1 = 3_500_001. A has 4_000_000: elected at
  // once, the seat is filled, the others lose.
  @Test
  void aMajorityWinsOneSeatInTheFirstRound() {
    ElectionResult result =
        MeekStv.count(
            election(1, 3, Ballot.of(4, 0), Ballot.of(2, 1, 0), Ballot.of(1, 2)), OPAVOTE);

    assertEquals(List.of(0), result.winners());
    assertEquals(1, result.rounds().size());
    ElectionResult.Round first = result.rounds().get(0);
    assertEquals(List.of(4 * ONE, 2 * ONE, ONE), first.votes());
    assertEquals(3_500_001, first.threshold());
    assertEquals(0, first.exhausted());
    assertEquals(500_000 - 1, first.surplus());
    assertEquals(
        List.of(CandidateStatus.ELECTED, CandidateStatus.ELIMINATED, CandidateStatus.ELIMINATED),
        first.statuses());
  }

  // 8 × A B, 1 × B, 2 × C, 1 × D; N = 12, 2 seats, threshold 12_000_000 / 3 + 1 = 4_000_001.
  // Round 1: A 8_000_000 elected, surplus 3_999_999. No sure losers: B and D (1_000_000 each) plus
  // the surplus make 5_999_999, not below C's 2_000_000.
  // Round 2: kf(A) = ceil(1_000_000 × 4_000_001 / 8_000_000) = ceil(500_000.125) = 500_001.
  // A keeps floor(1_000_000 × 500_001 × 8 / 1_000_000) = 4_000_008 and passes on
  // floor(1_000_000 × 499_999 / 1_000_000) = 499_999 per vote; B receives 499_999 × 8 = 3_999_992
  // for 4_999_992 in all and is elected by the surplus transfer. Surplus 7 + 999_991 = 999_998.
  @Test
  void aSurplusTransferElectsASecondCandidateWithExactFigures() {
    ElectionResult result =
        MeekStv.count(
            election(2, 4, Ballot.of(8, 0, 1), Ballot.of(1, 1), Ballot.of(2, 2), Ballot.of(1, 3)),
            OPAVOTE);

    assertEquals(List.of(0, 1), result.winners());
    assertEquals(2, result.rounds().size());
    ElectionResult.Round first = result.rounds().get(0);
    assertEquals(4_000_001, first.threshold());
    assertEquals(3_999_999, first.surplus());
    assertEquals(List.of(0), first.elected());

    ElectionResult.Round second = result.rounds().get(1);
    assertEquals(new RoundAction.SurplusTransfer(List.of(0)), second.action());
    assertEquals(List.of(500_001L, ONE, ONE, ONE), second.keepFactors());
    assertEquals(List.of(4_000_008L, 4_999_992L, 2 * ONE, ONE), second.votes());
    assertEquals(0, second.exhausted());
    assertEquals(4_000_001, second.threshold());
    assertEquals(999_998, second.surplus());
    assertEquals(List.of(1), second.elected());
    assertTrue(second.message().contains("A, 0.500001"), second.message());
  }

  // 3 seats, 10 × A B, 10 × B A, 5 × C, 4 × D; N = 29, threshold floor(29_000_000 / 4) + 1 =
  // 7_250_001. A and B elected in round 1.
  // Round 2: kf = ceil(1_000_000 × 7_250_001 / 10_000_000) = 725_001 for both. A keeps 7_250_010
  // of its own ballots, passes 274_999 per vote to B, who keeps floor(274_999 × 725_001 × 10 /
  // 1_000_000) = floor(1_993_745.49999) = 1_993_745; the rest exhausts. So A = B = 9_243_755,
  // total 27_487_510, exhausted 1_512_490, threshold floor(27_487_510 / 4) + 1 = 6_871_878.
  @Test
  void mutualSurplusesIterateUntilTheFallingThresholdElectsAThird() {
    ElectionResult result =
        MeekStv.count(
            election(
                3, 4, Ballot.of(10, 0, 1), Ballot.of(10, 1, 0), Ballot.of(5, 2), Ballot.of(4, 3)),
            OPAVOTE);

    ElectionResult.Round second = result.rounds().get(1);
    assertEquals(List.of(725_001L, 725_001L, ONE, ONE), second.keepFactors());
    assertEquals(List.of(9_243_755L, 9_243_755L, 5 * ONE, 4 * ONE), second.votes());
    assertEquals(1_512_490, second.exhausted());
    assertEquals(6_871_878, second.threshold());

    // Rounds 3 to 6 iterate the keep factors (0.538972, 0.423488, 0.354465, 0.313967); the
    // exhausted share grows and the threshold falls until C's 5_000_000 reaches it in round 6
    // (threshold 4_896_794). D is then left over, never eliminated by a round.
    assertEquals(6, result.rounds().size());
    ElectionResult.Round last = result.rounds().get(5);
    assertEquals(4_896_794, last.threshold());
    assertEquals(List.of(2), last.elected());
    assertEquals(List.of(0, 1, 2), result.winners());
    assertTrue(
        result.rounds().stream().allMatch(r -> !(r.action() instanceof RoundAction.Elimination)));
    for (int r = 1; r < result.rounds().size(); r++) {
      assertTrue(
          result.rounds().get(r).surplus() < result.rounds().get(r - 1).surplus(),
          "surplus shrinks while iterating");
    }
  }

  // 1 seat. 5 × A, 4 × B, 1 × C B, 1 × D B, 1 × E A; N = 12, threshold 6_000_001.
  // Round 2: sure losers C, D, E (1_000_000 each): together 3_000_000 < B's 4_000_000, so all
  // three go at once. A = 6_000_000, B = 6_000_000: tied, nobody elected.
  // Round 3: no sure losers, no surplus: the lowest goes. A and B are tied in round 2; backward,
  // round 1 has A 5 and B 4, so B is eliminated. B's ballots (and C's and D's) exhaust: A
  // 6_000_000, exhausted 6_000_000, threshold 3_000_001: A is elected.
  @Test
  void sureLosersGoTogetherAndATieIsBrokenByTheRoundBefore() {
    ElectionResult result =
        MeekStv.count(
            election(
                1,
                5,
                Ballot.of(5, 0),
                Ballot.of(4, 1),
                Ballot.of(1, 2, 1),
                Ballot.of(1, 3, 1),
                Ballot.of(1, 4, 0)),
            OPAVOTE);

    assertEquals(List.of(0), result.winners());
    assertEquals(3, result.rounds().size());

    ElectionResult.Round second = result.rounds().get(1);
    RoundAction.Elimination batch =
        assertInstanceOf(RoundAction.Elimination.class, second.action());
    assertEquals(List.of(2, 3, 4), batch.candidates());
    assertEquals(RoundAction.Reason.SURE_LOSERS, batch.reason());
    assertEquals(List.of(6 * ONE, 6 * ONE, 0L, 0L, 0L), second.votes());
    assertEquals(6_000_001, second.threshold());

    ElectionResult.Round third = result.rounds().get(2);
    RoundAction.Elimination tie = assertInstanceOf(RoundAction.Elimination.class, third.action());
    assertEquals(List.of(1), tie.candidates());
    TieBreak brk = tie.tieBreak().orElseThrow();
    assertEquals(TieBreak.Resolution.EARLIER_ROUND, brk.resolution());
    assertEquals(1, brk.decidingRound());
    assertEquals(List.of(0, 1), brk.tied());
    assertEquals(6 * ONE, third.exhausted());
    assertEquals(3_000_001, third.threshold());
    assertTrue(third.message().contains("breaking the tie at round 1"), third.message());
  }

  // 1 seat. 2 × A C, 2 × B C, 3 × C; N = 7, threshold 3_500_001, nobody elected in round 1.
  // First elimination with no surplus: no sure losers (A + B = 4_000_000 is not below C), so the
  // lowest goes: A and B tie with no earlier round, a strong tie. The seeded draw picks index
  // below(2) among [A, B]: seed "tribune-2024" gives 0 (A), "another seed" gives 1 (B) — see
  // SeededDrawTest. Either way C then has 5_000_000 and wins.
  @Test
  void aStrongTieIsBrokenByTheSeededDrawAndTheSameSeedRepeatsIt() {
    BallotFile file = election(1, 3, Ballot.of(2, 0, 2), Ballot.of(2, 1, 2), Ballot.of(3, 2));

    ElectionResult one = MeekStv.count(file, OPAVOTE);
    ElectionResult again = MeekStv.count(file, OPAVOTE);
    ElectionResult other = MeekStv.count(file, OPAVOTE.withSeed("another seed"));

    assertEquals(List.of(0), eliminatedBy(one.rounds().get(1)));
    assertEquals(one, again);
    assertEquals(List.of(1), eliminatedBy(other.rounds().get(1)));
    assertEquals(List.of(2), one.winners());
    TieBreak brk = one.tieBreaks().get(0);
    assertEquals(TieBreak.Resolution.SEEDED_DRAW, brk.resolution());
    assertEquals(List.of(0, 1), brk.tied());
    assertEquals(0, brk.decidingRound());
    assertEquals(5 * ONE, one.rounds().get(1).votes().get(2));
  }

  // 1 seat, B withdrawn. 3 × B A, 2 × C, 1 × B, 1 × D. B is struck from every ballot: "B A"
  // counts for A and the ballot with only B is empty and not valid, so N = 6 and the threshold
  // is 3_000_001. Round 1: A 3, C 2, D 1: nobody. Round 2: D is a sure loser (1 < 2) and his
  // ballot exhausts: A 3_000_000, exhausted 1_000_000, threshold 5_000_000 / 2 + 1 = 2_500_001,
  // A is elected.
  @Test
  void aWithdrawnCandidateIsIgnoredOnEveryBallotFromTheStart() {
    ElectionResult result =
        MeekStv.count(
            election(
                1,
                4,
                Set.of(1),
                Ballot.of(3, 1, 0),
                Ballot.of(2, 2),
                Ballot.of(1, 1),
                Ballot.of(1, 3)),
            OPAVOTE);

    assertEquals(6, result.validBallots());
    assertEquals(List.of(0), result.winners());
    ElectionResult.Round first = result.rounds().get(0);
    assertEquals(List.of(3 * ONE, 0L, 2 * ONE, ONE), first.votes());
    assertEquals(3_000_001, first.threshold());
    assertEquals(CandidateStatus.WITHDRAWN, first.statuses().get(1));
    ElectionResult.Round second = result.rounds().get(1);
    assertEquals(List.of(3), eliminatedBy(second));
    assertEquals(ONE, second.exhausted());
    assertEquals(2_500_001, second.threshold());
    assertEquals(CandidateStatus.WITHDRAWN, second.statuses().get(1));
  }

  // Same ballots as the surplus test: the whole threshold is floor(12_000_000 / 3 / 1_000_000) ×
  // 1_000_000 + 1_000_000 = 5_000_000, and the static one ignores exhausted ballots.
  @Test
  void theWholeThresholdRoundsToVotes() {
    BallotFile file =
        election(2, 4, Ballot.of(8, 0, 1), Ballot.of(1, 1), Ballot.of(2, 2), Ballot.of(1, 3));
    ElectionResult whole = MeekStv.count(file, OPAVOTE.withFractionalThreshold(false));
    assertEquals(5 * ONE, whole.rounds().get(0).threshold());
    assertEquals(List.of(0, 1), whole.winners());
  }

  // 2 seats. 4 × A, 3 × B, 2 × C, 1 × D, nobody ranks a second choice. N = 10, threshold
  // floor(10_000_000 / 3) + 1 = 3_333_334: A is elected, surplus 666_666.
  // Round 2: sure losers before any transfer: D alone (666_666 + 1_000_000 < C's 2_000_000; adding
  // C gives 3_666_666, not below B). D's ballot exhausts: exhausted 1_000_000, threshold
  // floor(9_000_000 / 3) + 1 = 3_000_001, B (3_000_000) is one unit short; surplus 999_999.
  // Round 3: C is a sure loser (999_999 + 2_000_000 < 3_000_000, and only one may go). Exhausted
  // 3_000_000, threshold floor(7_000_000 / 3) + 1 = 2_333_334: B is elected by the falling
  // threshold alone, A's surplus never moved.
  @Test
  void exhaustedBallotsLowerTheDynamicThresholdUntilItElects() {
    ElectionResult result =
        MeekStv.count(
            election(2, 4, Ballot.of(4, 0), Ballot.of(3, 1), Ballot.of(2, 2), Ballot.of(1, 3)),
            OPAVOTE);

    assertEquals(List.of(0, 1), result.winners());
    assertEquals(3, result.rounds().size());
    ElectionResult.Round first = result.rounds().get(0);
    assertEquals(3_333_334, first.threshold());
    assertEquals(666_666, first.surplus());
    ElectionResult.Round second = result.rounds().get(1);
    assertEquals(List.of(3), eliminatedBy(second));
    assertEquals(ONE, second.exhausted());
    assertEquals(3_000_001, second.threshold());
    assertEquals(999_999, second.surplus());
    assertEquals(List.of(), second.elected());
    assertEquals(
        "Count after eliminating D and transferring votes. All losing candidates are eliminated. ",
        second.message());
    ElectionResult.Round third = result.rounds().get(2);
    assertEquals(List.of(2), eliminatedBy(third));
    assertEquals(List.of(4 * ONE, 3 * ONE, 0L, 0L), third.votes());
    assertEquals(3 * ONE, third.exhausted());
    assertEquals(2_333_334, third.threshold());
    assertEquals(
        "Count after eliminating C and transferring votes. All losing candidates are eliminated."
            + " Candidate B has reached the threshold and is elected. ",
        third.message());
    assertEquals(List.of(ONE, ONE, 0L, 0L), third.keepFactors());
  }

  // 2 seats. 1 × A, 4 × B, 5 × C; N = 10, threshold 3_333_334. B and C are elected in round 1 and
  // listed in file order (OpenSTV's newWinners sorts by number), not by votes.
  @Test
  void candidatesElectedInTheSameRoundAreListedInFileOrder() {
    ElectionResult result =
        MeekStv.count(election(2, 3, Ballot.of(1, 0), Ballot.of(4, 1), Ballot.of(5, 2)), OPAVOTE);

    assertEquals(List.of(1, 2), result.winners());
    assertEquals(1, result.rounds().size());
    assertEquals(
        "Count of first choices. Candidates B and C have reached the threshold and are elected. ",
        result.rounds().get(0).message());
    assertEquals(List.of(0), result.rounds().get(0).eliminated());
  }

  @Test
  void listsAreWordedAsOpenStvWordsThem() {
    assertEquals("A", MeekStv.joinList(List.of("A")));
    assertEquals("A and B", MeekStv.joinList(List.of("A", "B")));
    assertEquals("A, B, and C", MeekStv.joinList(List.of("A", "B", "C")));
    assertEquals(
        "A, 0.5; B, 0.6; and C, 0.7", MeekStv.joinList(List.of("A, 0.5", "B, 0.6", "C, 0.7")));
    assertEquals("Smith, J and B", MeekStv.joinList(List.of("Smith, J", "B")));
  }

  // The ballots of sureLosersGoTogetherAndATieIsBrokenByTheRoundBefore: A and B tie in round 2.
  // With weakTieBreakMethod Random the earlier rounds are not consulted and the draw decides.
  @Test
  void withoutEarlierRoundsARandomWeakTieGoesStraightToTheSeededDraw() {
    BallotFile file =
        election(
            1,
            5,
            Ballot.of(5, 0),
            Ballot.of(4, 1),
            Ballot.of(1, 2, 1),
            Ballot.of(1, 3, 1),
            Ballot.of(1, 4, 0));
    ElectionResult random =
        MeekStv.count(file, OPAVOTE.withWeakTieBreak(CountOptions.WeakTieBreak.RANDOM));
    TieBreak brk =
        assertInstanceOf(RoundAction.Elimination.class, random.rounds().get(2).action())
            .tieBreak()
            .orElseThrow();
    assertEquals(TieBreak.Resolution.SEEDED_DRAW, brk.resolution());
    assertEquals(List.of(0, 1), brk.tied());
  }

  @Test
  void fewerThanTwoCandidatesCannotBeCounted() {
    BallotFile file = election(1, 3, Set.of(1, 2), Ballot.of(5, 0), Ballot.of(5, 1));
    DomainException e = assertThrows(DomainException.class, () -> MeekStv.count(file, OPAVOTE));
    assertEquals("stv-too-few-candidates", e.type());
  }

  // As OpenSTV: 6 × A, 1 × B, 1 × C, 3 seats; N = 8, threshold 8_000_000 / 4 + 1 = 2_000_001.
  // Round 1 elects A; three candidates stand for three seats, so the count stops and the end rule
  // elects B and C, who have votes.
  @Test
  void noMoreCandidatesThanSeatsElectsEveryoneWithAVote() {
    ElectionResult result =
        MeekStv.count(election(3, 3, Ballot.of(6, 0), Ballot.of(1, 1), Ballot.of(1, 2)), OPAVOTE);
    assertEquals(List.of(0, 1, 2), result.winners());
    assertEquals(1, result.rounds().size());
    ElectionResult.Round first = result.rounds().get(0);
    assertEquals(2_000_001, first.threshold());
    assertEquals(List.of(0, 1, 2), first.elected());
    assertTrue(first.message().endsWith("Candidates B and C are elected. "), first.message());
  }

  // 5 × A, 3 × B, C without a vote, 3 seats; threshold 2_000_001: A and B reach it in round 1,
  // C has no vote and loses; one seat stays empty, as in OpenSTV.
  @Test
  void aCandidateWithoutAVoteLosesEvenWithSeatsToSpare() {
    ElectionResult result =
        MeekStv.count(election(3, 3, Ballot.of(5, 0), Ballot.of(3, 1)), OPAVOTE);
    assertEquals(List.of(0, 1), result.winners());
    assertEquals(List.of(2), result.rounds().get(0).eliminated());
  }

  @Test
  void votesPlusExhaustedEqualTheValidBallotsInEveryRound() {
    Random random = new Random(42);
    for (int election = 0; election < 200; election++) {
      int candidates = 3 + random.nextInt(8);
      int seats = 1 + random.nextInt(candidates - 1);
      Set<Integer> withdrawn = new HashSet<>();
      if (random.nextInt(4) == 0) {
        withdrawn.add(random.nextInt(candidates));
      }
      if (candidates - withdrawn.size() <= seats) {
        continue;
      }
      List<Ballot> ballots = randomBallots(random, candidates, 20 + random.nextInt(200));
      BallotFile file = election(seats, candidates, withdrawn, ballots.toArray(Ballot[]::new));
      if (ballotsStanding(file) <= seats) {
        continue;
      }
      ElectionResult result = MeekStv.count(file, OPAVOTE);
      for (ElectionResult.Round round : result.rounds()) {
        long total = round.votes().stream().mapToLong(Long::longValue).sum();
        assertEquals(result.validBallots() * ONE, total + round.exhausted(), "round " + round);
        assertTrue(round.exhausted() >= 0);
        assertTrue(round.votes().stream().allMatch(v -> v >= 0));
        for (int c : withdrawn) {
          assertEquals(0L, round.votes().get(c));
        }
      }
      assertTrue(result.winners().size() <= seats);
      assertEquals(result.winners().size(), new HashSet<>(result.winners()).size());
    }
  }

  @Test
  void tenThousandBallotsOverTwentyCandidatesCountQuickly() {
    Random random = new Random(7);
    List<Ballot> ballots = randomBallots(random, 20, 10_000);
    ElectionResult result = MeekStv.count(election(5, 20, ballots.toArray(Ballot[]::new)), OPAVOTE);
    assertEquals(5, result.winners().size());
    assertTrue(CountReport.render(result).contains("Winners: "));
  }

  @Test
  void theReportShowsEveryRoundWithVotesKeepFactorsAndAction() {
    ElectionResult result =
        MeekStv.count(
            election(2, 4, Ballot.of(8, 0, 1), Ballot.of(1, 1), Ballot.of(2, 2), Ballot.of(1, 3)),
            OPAVOTE);
    String report = CountReport.render(result);
    assertTrue(report.contains("4.000008"), report);
    assertTrue(report.contains("0.500001"), report);
    assertTrue(report.contains("Count after transferring surplus votes."), report);
    assertTrue(report.contains("Winners: A, B"), report);
  }

  private static List<Integer> eliminatedBy(ElectionResult.Round round) {
    return assertInstanceOf(RoundAction.Elimination.class, round.action()).candidates();
  }

  private static long ballotsStanding(BallotFile file) {
    return file.ballots().stream()
        .filter(
            b ->
                b.ranks().stream()
                    .anyMatch(rank -> rank.size() == 1 && !file.withdrawn().contains(rank.get(0))))
        .mapToLong(Ballot::weight)
        .sum();
  }

  // Popularity is skewed (candidate c is drawn with weight 1 / (c + 1)) so that counts have
  // elections, surpluses and eliminations rather than near-ties everywhere.
  private static List<Ballot> randomBallots(Random random, int candidates, int count) {
    List<Ballot> ballots = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      List<Integer> order = new ArrayList<>();
      for (int c = 0; c < candidates; c++) {
        order.add(c);
      }
      Collections.shuffle(order, random);
      order.sort(
          (x, y) -> Double.compare(random.nextDouble() * (y + 1), random.nextDouble() * (x + 1)));
      int length = 1 + random.nextInt(Math.min(candidates, 6));
      ballots.add(
          Ballot.of(
              1 + random.nextInt(3), order.subList(0, length).stream().mapToInt(i -> i).toArray()));
    }
    return ballots;
  }
}
