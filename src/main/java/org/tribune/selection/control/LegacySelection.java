package org.tribune.selection.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Sortition Foundation's original greedy draw ("legacy" in their {@code stratification.py}),
 * kept as the baseline LEXIMIN is compared with. Each pick takes the feature whose unmet minimum is
 * most pressing, {@code (min - selected) / remaining} over features with people remaining and a
 * maximum above 0 (the first one on equal ratios), then a uniformly random remaining person with
 * that feature; whenever a feature reaches its maximum, everyone else with it leaves the pool. An
 * attempt fails if the pool runs dry or a minimum is missed at the end, and is then repeated. Its
 * selection probabilities are whatever this process produces: they can only be estimated by
 * repeating it, and they can be very unequal.
 */
final class LegacySelection {

  private LegacySelection() {}

  /** One attempt; empty if it failed. */
  static Optional<List<Integer>> attempt(
      List<int[]> featuresOf, List<Quota> quotas, int size, SeededDraw draw) {
    int people = featuresOf.size();
    boolean[] inPool = new boolean[people];
    java.util.Arrays.fill(inPool, true);
    int[] selected = new int[quotas.size()];
    int[] remaining = new int[quotas.size()];
    for (int[] features : featuresOf) {
      for (int q : features) {
        remaining[q]++;
      }
    }
    List<Integer> panel = new ArrayList<>();
    for (int pick = 0; pick < size; pick++) {
      int best = -1;
      double ratio = -100.0;
      for (int q = 0; q < quotas.size(); q++) {
        if (remaining[q] != 0 && quotas.get(q).max() != 0) {
          double r = (double) (quotas.get(q).min() - selected[q]) / remaining[q];
          if (r > 1) {
            return Optional.empty();
          }
          if (r > ratio) {
            ratio = r;
            best = q;
          }
        }
      }
      if (best < 0) {
        return Optional.empty();
      }
      int nth = draw.below(remaining[best]);
      int person = -1;
      for (int i = 0; i < people && person < 0; i++) {
        if (inPool[i] && has(featuresOf.get(i), best) && nth-- == 0) {
          person = i;
        }
      }
      panel.add(person);
      remove(person, inPool, featuresOf, remaining);
      for (int q : featuresOf.get(person)) {
        selected[q]++;
      }
      for (int q : featuresOf.get(person)) {
        if (selected[q] == quotas.get(q).max()) {
          for (int i = 0; i < people; i++) {
            if (inPool[i] && has(featuresOf.get(i), q)) {
              remove(i, inPool, featuresOf, remaining);
            }
          }
        }
      }
    }
    for (int q = 0; q < quotas.size(); q++) {
      if (selected[q] < quotas.get(q).min()) {
        return Optional.empty();
      }
    }
    panel.sort(null);
    return Optional.of(panel);
  }

  private static boolean has(int[] features, int quota) {
    for (int q : features) {
      if (q == quota) {
        return true;
      }
    }
    return false;
  }

  private static void remove(
      int person, boolean[] inPool, List<int[]> featuresOf, int[] remaining) {
    inPool[person] = false;
    for (int q : featuresOf.get(person)) {
      remaining[q]--;
    }
  }
}
