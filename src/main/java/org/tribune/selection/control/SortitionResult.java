package org.tribune.selection.control;

import java.util.List;
import java.util.Map;

/**
 * A sortition, published so that anyone can re-check it: every respondent's selection probability,
 * the distribution over panels the draw was made from, the seed and the drawn panel.
 *
 * @param probabilities respondent id to probability of being on the panel, in input order
 * @param minimum the smallest of the probabilities
 * @param panel the drawn panel's ids, in input order
 * @param panels the distribution drawn from (LEXIMIN), in the order the draw walks it; empty for
 *     LEGACY, which has no explicit distribution
 * @param draw the number {@code v = SeededDraw(seed).below(1_000_000_000)} that picked the panel:
 *     the first panel whose cumulative probability exceeds {@code v / 10^9} (LEXIMIN)
 * @param runs for LEGACY, how many seeded repetitions the probabilities are estimated from; 0 for
 *     LEXIMIN, whose probabilities are exact up to the LP solver's tolerance
 */
public record SortitionResult(
    SortitionMethod method,
    int size,
    String seed,
    Map<String, Double> probabilities,
    double minimum,
    List<String> panel,
    List<WeightedPanel> panels,
    long draw,
    int runs) {

  public SortitionResult {
    probabilities =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
    panel = List.copyOf(panel);
    panels = List.copyOf(panels);
  }

  /** One quota-feasible panel and the probability the distribution gives it. */
  public record WeightedPanel(double probability, List<String> ids) {
    public WeightedPanel {
      ids = List.copyOf(ids);
    }
  }
}
