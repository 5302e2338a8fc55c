package org.tribune.selection.control;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The content of a {@code .blt} file: candidates (0-based in this model, 1-based in the file),
 * seats, withdrawn candidates, ballots and title. Withdrawn candidates stay in the list so that
 * indexes in the file and in the report agree; the count ignores them on every ballot.
 */
public record BallotFile(
    String title,
    List<String> candidates,
    int seats,
    Set<Integer> withdrawn,
    List<Ballot> ballots) {

  public BallotFile {
    candidates = List.copyOf(candidates);
    withdrawn = java.util.Collections.unmodifiableSet(new TreeSet<>(withdrawn));
    ballots = List.copyOf(ballots);
    for (int c : withdrawn) {
      if (c < 0 || c >= candidates.size()) {
        throw new IllegalArgumentException("withdrawn candidate " + c + " does not exist");
      }
    }
    for (Ballot b : ballots) {
      for (List<Integer> rank : b.ranks()) {
        for (int c : rank) {
          if (c < 0 || c >= candidates.size()) {
            throw new IllegalArgumentException("ballot ranks unknown candidate " + c);
          }
        }
      }
    }
  }
}
