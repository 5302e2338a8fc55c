package org.tribune.selection.control;

import java.util.List;

/**
 * One line of a ballot file: {@code weight} identical ballots with the same ranking. Each rank is a
 * list of 0-based candidate indexes: usually one, none for a skipped rank ({@code -} in BLT),
 * several for candidates ranked equal ({@code 2=3}). The ranking is kept as cast so that a file can
 * be written back unchanged; {@link MeekStv} decides what counts.
 */
public record Ballot(long weight, List<List<Integer>> ranks) {

  public Ballot {
    if (weight < 0) {
      throw new IllegalArgumentException("weight must not be negative");
    }
    ranks = ranks.stream().map(List::copyOf).toList();
  }

  /** A ballot with one candidate per rank, from 0-based indexes. */
  public static Ballot of(long weight, int... candidates) {
    return new Ballot(weight, java.util.Arrays.stream(candidates).mapToObj(List::of).toList());
  }
}
