package org.tribune.selection.control;

import java.util.List;

/**
 * A tie and how it was broken, so that a recount can follow the same path.
 *
 * @param round the 1-based round whose counts were tied
 * @param purpose what was being chosen ("candidates to eliminate", "winners")
 * @param tied the tied candidates (0-based), in file order
 * @param chosen the candidate the tie-break picked
 * @param resolution by an earlier round or by the seeded draw
 * @param decidingRound for an earlier-round break, the 1-based round that separated them; for a
 *     draw, the 0-based number of the draw's first SHA-256 block
 */
public record TieBreak(
    int round,
    String purpose,
    List<Integer> tied,
    int chosen,
    Resolution resolution,
    long decidingRound) {

  public enum Resolution {
    EARLIER_ROUND,
    SEEDED_DRAW
  }

  public TieBreak {
    tied = List.copyOf(tied);
  }
}
