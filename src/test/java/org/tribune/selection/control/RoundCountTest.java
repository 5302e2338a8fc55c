package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.selection.control.RoundCount.Candidate;
import org.tribune.selection.control.RoundCount.Publication;
import org.tribune.selection.control.RoundCount.StoredBallot;

class RoundCountTest {

  private static StoredBallot ballot(String ranking) {
    String nonce = BallotReceipt.randomHex();
    return new StoredBallot(ranking, BallotReceipt.receipt(nonce, ranking));
  }

  @Test
  void publishesBallotsInReceiptOrderWithAReceiptListThatPointsToEachLine() {
    List<StoredBallot> ballots = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ballots.add(ballot("1,2"));
    }
    ballots.add(ballot("2,3"));
    ballots.add(ballot("3"));
    List<Candidate> candidates =
        List.of(
            new Candidate("Ana", false),
            new Candidate("Raj \"R\"", false),
            new Candidate("Wei", false));

    Publication p = RoundCount.count("Council 2027", 2, candidates, ballots, "seed-1");

    BallotFile file = BltFormat.parse(p.blt());
    assertEquals(7, file.ballots().size());
    assertEquals(List.of("Ana", "Raj 'R'", "Wei"), file.candidates());
    assertEquals(BltFormat.sha256(p.blt().getBytes(StandardCharsets.UTF_8)), p.sha256());
    for (RoundCount.ReceiptLine line : p.receipts()) {
      Ballot onLine = file.ballots().get(line.line() - 1);
      String ranking =
          String.join(",", onLine.ranks().stream().map(r -> String.valueOf(r.get(0) + 1)).toList());
      assertEquals(line.ranking(), ranking, "line " + line.line());
    }
    List<String> receipts = p.receipts().stream().map(RoundCount.ReceiptLine::receipt).toList();
    assertEquals(receipts.stream().sorted().toList(), receipts, "lines follow receipt order");
    assertEquals(List.of(0, 1), p.result().winners());
  }

  @Test
  void aWithdrawnCandidateIsPublishedAsWithdrawnAndNotElected() {
    List<StoredBallot> ballots =
        List.of(
            ballot("1,2"), ballot("1,3"), ballot("1"), ballot("2"), ballot("2,3"), ballot("3,2"));
    Publication p =
        RoundCount.count(
            "Recount",
            1,
            List.of(new Candidate("A", true), new Candidate("B", false), new Candidate("C", false)),
            ballots,
            "s");
    assertEquals(java.util.Set.of(0), BltFormat.parse(p.blt()).withdrawn());
    assertFalse(p.result().winners().contains(0));
    assertEquals(List.of(1), p.result().winners());
  }

  // Casual A, B and developers C, D; one seat each. 3 × (A, B), 2 × (B, A), 2 × (C, D), 1 × (D).
  // Casual count: ballots ranking only developers are empty there, N = 5, threshold
  // 5_000_000 / 2 + 1 = 2_500_001: A (3_000_000) wins. Developer count: N = 3, threshold
  // 1_500_001: C (2_000_000) wins. The published file is the whole election.
  @Test
  void countsEachMemberTypeSeparatelyFromTheSameBallots() {
    List<StoredBallot> ballots = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ballots.add(ballot("1,2"));
    }
    ballots.add(ballot("2,1"));
    ballots.add(ballot("2,1"));
    ballots.add(ballot("3,4"));
    ballots.add(ballot("3,4"));
    ballots.add(ballot("4"));
    List<Candidate> candidates =
        List.of(
            new Candidate("A", false),
            new Candidate("B", false),
            new Candidate("C", false),
            new Candidate("D", false));
    java.util.Map<String, Integer> seats = new java.util.LinkedHashMap<>();
    seats.put("casual", 1);
    seats.put("developer", 1);

    Publication p =
        RoundCount.countByType(
            "By type",
            seats,
            candidates,
            List.of("casual", "casual", "developer", "developer"),
            ballots,
            "seed");

    assertEquals(List.of(0, 2), p.winners());
    assertEquals(List.of("casual", "developer"), List.copyOf(p.byType().keySet()));
    ElectionResult casual = p.byType().get("casual");
    assertEquals(5, casual.validBallots());
    assertEquals(2_500_001, casual.rounds().get(0).threshold());
    assertEquals(List.of(2, 3), casual.withdrawn());
    ElectionResult developer = p.byType().get("developer");
    assertEquals(1_500_001, developer.rounds().get(0).threshold());
    assertEquals(List.of(2), developer.winners());
    assertEquals(2, BltFormat.parse(p.blt()).seats());
    assertEquals(8, BltFormat.parse(p.blt()).ballots().size());
  }

  @Test
  void aMemberTypeWithOneCandidateElectsThemWithoutACount() {
    java.util.Map<String, Integer> seats = new java.util.LinkedHashMap<>();
    seats.put("casual", 1);
    seats.put("developer", 1);
    Publication p =
        RoundCount.countByType(
            "One developer",
            seats,
            List.of(
                new Candidate("A", false), new Candidate("B", false), new Candidate("C", false)),
            List.of("casual", "casual", "developer"),
            List.of(ballot("1,2"), ballot("2"), ballot("1")),
            "seed");
    assertEquals(List.of(0, 2), p.winners());
    assertEquals(0, p.byType().get("developer").rounds().size());
  }
}
