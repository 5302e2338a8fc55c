package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

/**
 * Hand-checked constrained counts (units of 10⁻⁶; the rules on {@link MeekStv#count(BallotFile,
 * CountOptions, SeatConstraints)} and in docs/stv-rules.md).
 */
class ConstrainedStvTest {

  private static final CountOptions OPAVOTE = CountOptions.opaVote("constrained");
  private static final long ONE = 1_000_000;

  private static BallotFile election(int seats, int candidates, Ballot... ballots) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      names.add(String.valueOf((char) ('A' + c)));
    }
    return new BallotFile("constrained", names, seats, Set.of(), List.of(ballots));
  }

  private static SeatConstraints types(List<String> types, Quota... quotas) {
    return new SeatConstraints(
        types.stream().map(t -> Map.of("member_type", t)).toList(), List.of(quotas));
  }

  // 4 × A B, 3 × B A, 2 × C; N = 9, 2 seats, threshold 9_000_000 / 3 + 1 = 3_000_001.
  // Unconstrained: A elected (4_000_000), C is a sure loser (2_000_000 + surplus 999_999 <
  // 3_000_000) and goes; B then takes A's ballots' surplus... the winners are A and B.
  // With "at least one developer" and C the only developer: round 1 elects A (C can still take the
  // second seat). Round 2 is an elimination (C is a sure loser) but C is protected: excluding C
  // would leave no developer; B is the lowest open hopeful and goes. B's 3 ballots pass to A:
  // A 7_000_000, C 2_000_000. C and A are the seats: C is elected when the count stops.
  @Test
  void aMinimumProtectsItsOnlyCandidateFromElimination() {
    BallotFile file = election(2, 3, Ballot.of(4, 0, 1), Ballot.of(3, 1, 0), Ballot.of(2, 2));
    assertEquals(List.of(0, 1), MeekStv.count(file, OPAVOTE).winners());

    ElectionResult result =
        MeekStv.count(
            file,
            OPAVOTE,
            types(
                List.of("casual", "casual", "developer"),
                new Quota("member_type", "developer", 1, 2)));

    assertEquals(List.of(0, 2), result.winners());
    assertEquals(2, result.rounds().size());
    ElectionResult.Round first = result.rounds().get(0);
    assertEquals(List.of(4 * ONE, 3 * ONE, 2 * ONE), first.votes());
    assertEquals(3_000_001, first.threshold());
    assertEquals(List.of(0), first.elected());
    ElectionResult.Round second = result.rounds().get(1);
    assertEquals(List.of(7 * ONE, 0L, 2 * ONE), second.votes());
    assertEquals(List.of(1), second.eliminated());
    assertEquals(List.of(2), second.elected());
    assertTrue(
        second.message().contains("Candidate C is protected by the quotas."), second.message());
  }

  // Same ballots, "at most one casual": once A is elected in round 1 the casual quota is full and
  // B is excluded at once; C is the only hopeful left for the second seat and is elected.
  @Test
  void aFullMaximumExcludesEveryHopefulUnderIt() {
    BallotFile file = election(2, 3, Ballot.of(4, 0, 1), Ballot.of(3, 1, 0), Ballot.of(2, 2));
    ElectionResult result =
        MeekStv.count(
            file,
            OPAVOTE,
            types(
                List.of("casual", "casual", "developer"),
                new Quota("member_type", "casual", 0, 1)));

    assertEquals(List.of(0, 2), result.winners());
    assertEquals(1, result.rounds().size());
    ElectionResult.Round first = result.rounds().get(0);
    assertEquals(List.of(1), first.eliminated());
    assertTrue(
        first.message().contains("Candidate B is excluded: the quota member_type=casual is full."),
        first.message());
    assertEquals(
        List.of(CandidateStatus.ELECTED, CandidateStatus.ELIMINATED, CandidateStatus.ELECTED),
        first.statuses());
  }

  // 5 × A, 5 × B, 1 × C, 1 × D; N = 12, 2 seats, threshold 4_000_001: A and B both reach it in
  // round 1. With "at least one developer" (only C): A, first in file order at equal votes, is
  // elected; electing B as well would fill both seats without a developer, so B is excluded.
  // D (casual) is then eliminated before C, who is protected; A and C win.
  @Test
  void aCandidateReachingTheThresholdIsExcludedWhenElectingThemBreaksAMinimum() {
    BallotFile file =
        election(2, 4, Ballot.of(5, 0), Ballot.of(5, 1), Ballot.of(1, 2), Ballot.of(1, 3));
    assertEquals(List.of(0, 1), MeekStv.count(file, OPAVOTE).winners());

    ElectionResult result =
        MeekStv.count(
            file,
            OPAVOTE,
            types(
                List.of("casual", "casual", "developer", "casual"),
                new Quota("member_type", "developer", 1, 2)));

    assertEquals(List.of(0, 2), result.winners());
    ElectionResult.Round first = result.rounds().get(0);
    assertEquals(4_000_001, first.threshold());
    assertEquals(List.of(0), first.elected());
    assertEquals(List.of(1), first.eliminated());
    assertTrue(
        first.message().contains("Candidate B has reached the threshold but is excluded"),
        first.message());
    assertTrue(
        result.rounds().stream().anyMatch(r -> r.eliminated().contains(3)), "D is eliminated");
  }

  @Test
  void quotasTheCandidatesCannotMeetAreA422NamingTheQuota() {
    BallotFile file = election(2, 3, Ballot.of(4, 0, 1), Ballot.of(3, 1, 0), Ballot.of(2, 2));
    DomainException e =
        assertThrows(
            DomainException.class,
            () ->
                MeekStv.count(
                    file,
                    OPAVOTE,
                    types(
                        List.of("casual", "casual", "developer"),
                        new Quota("member_type", "developer", 2, 2))));
    assertEquals("stv-quotas-infeasible", e.type());
    assertEquals("developer", e.extensions().get("feature"));
  }

  // Quotas that never bind change nothing: the election of MeekStvTest's surplus case.
  @Test
  void quotasThatNeverBindGiveTheUnconstrainedWinners() {
    BallotFile file =
        election(2, 4, Ballot.of(8, 0, 1), Ballot.of(1, 1), Ballot.of(2, 2), Ballot.of(1, 3));
    ElectionResult constrained =
        MeekStv.count(
            file,
            OPAVOTE,
            types(
                List.of("casual", "developer", "casual", "developer"),
                new Quota("member_type", "casual", 0, 2),
                new Quota("member_type", "developer", 0, 2)));
    assertEquals(MeekStv.count(file, OPAVOTE).winners(), constrained.winners());
  }

  @Test
  void feasibilityCountsTheElectedAgainstEveryQuota() {
    SeatConstraints c =
        new SeatConstraints(
            List.of(
                Map.of("member_type", "casual", "region", "IN"),
                Map.of("member_type", "developer", "region", "IN"),
                Map.of("member_type", "developer", "region", "BR"),
                Map.of("member_type", "casual", "region", "BR")),
            List.of(new Quota("member_type", "developer", 1, 1), new Quota("region", "IN", 0, 1)));
    assertTrue(c.feasible(List.of(0), List.of(1, 2, 3), 2)); // casual IN + developer BR
    assertEquals(false, c.feasible(List.of(0, 3), List.of(1, 2), 2)); // no developer
    assertEquals(false, c.feasible(List.of(0), List.of(1, 3), 2)); // only developer is from IN
    assertTrue(c.feasible(List.of(), List.of(0, 1, 2, 3), 2));
  }
}
