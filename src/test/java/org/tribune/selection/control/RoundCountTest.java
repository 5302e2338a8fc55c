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
}
