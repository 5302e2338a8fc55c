package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.MemberId;

class BallotReceiptTest {

  @Test
  void theReceiptIsTheSha256OfNonceColonRanking() {
    // printf '%s' '00112233445566778899aabbccddeeff:3,1,2' | sha256sum
    assertEquals(
        BallotReceipt.sha256("00112233445566778899aabbccddeeff:3,1,2"),
        BallotReceipt.receipt("00112233445566778899aabbccddeeff", "3,1,2"));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        BallotReceipt.sha256("abc"));
  }

  @Test
  void theRankingReadsLikeTheBltLine() {
    assertEquals("3,1,2", BallotReceipt.ranking(List.of(3, 1, 2)));
    assertEquals(List.of(3, 1, 2), BallotReceipt.parseRanking("3,1,2"));
  }

  @Test
  void noncesAreFreshAndReceiptsDifferForTheSameRanking() {
    String a = BallotReceipt.randomHex();
    String b = BallotReceipt.randomHex();
    assertEquals(32, a.length());
    assertTrue(a.matches("[0-9a-f]{32}"));
    assertNotEquals(a, b);
    assertNotEquals(BallotReceipt.receipt(a, "1,2"), BallotReceipt.receipt(b, "1,2"));
  }

  @Test
  void aBallotCommandNamesNeitherTheVoterNorTheRankingWhenLogged() {
    CastBallot ballot = new CastBallot(4, new MemberId(987654), "3,1,2", "f".repeat(64), "a1");
    assertEquals("CastBallot[round 4]", ballot.toString());
  }
}
