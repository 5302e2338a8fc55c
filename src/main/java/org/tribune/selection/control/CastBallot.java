package org.tribune.selection.control;

import org.tribune.identity.entity.MemberId;

/**
 * One member's ranked ballot on its way into the ballot box. The member id is needed only to write
 * the has-voted row; it never reaches the ballot row. {@link #toString()} names neither the member
 * nor the ranking, because commands that fail are logged.
 *
 * @param ranking 1-based ballot positions, best first, e.g. "3,1,2"
 * @param receipt SHA-256 of the voter's nonce and the ranking (see {@link BallotReceipt})
 * @param ballotId 128 random bits in hex, the ballot row's only key
 */
public record CastBallot(
    long roundId, MemberId member, String ranking, String receipt, String ballotId) {

  @Override
  public String toString() {
    return "CastBallot[round " + roundId + "]";
  }
}
