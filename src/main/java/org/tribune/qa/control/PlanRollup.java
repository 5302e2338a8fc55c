package org.tribune.qa.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's progress: a plan without sub-plans has its own progress; a plan with sub-plans has the
 * weighted mean of theirs (Σ weight·progress / Σ weight, rounded half up), whatever it reported
 * itself, so a parent can never claim more than its parts show. Cancelled sub-plans are left out of
 * the mean (they are passed with weight 0).
 */
public final class PlanRollup {

  /** One plan: its id, its parent's id (or null), its weight and its own progress 0–100. */
  public record Node(long id, Long parent, int weight, int ownProgress) {}

  private PlanRollup() {}

  /** The rolled-up progress of every plan given, by id. */
  public static Map<Long, Integer> progress(List<Node> plans) {
    Map<Long, List<Node>> children = new HashMap<>();
    for (Node plan : plans) {
      if (plan.parent() != null) {
        children.computeIfAbsent(plan.parent(), p -> new ArrayList<>()).add(plan);
      }
    }
    Map<Long, Integer> result = new HashMap<>();
    for (Node plan : plans) {
      result.put(plan.id(), progressOf(plan, children, 0));
    }
    return result;
  }

  private static int progressOf(Node plan, Map<Long, List<Node>> children, int depth) {
    if (depth > 16) {
      throw new IllegalArgumentException("plans nest in a cycle at " + plan.id());
    }
    List<Node> parts = children.getOrDefault(plan.id(), List.of());
    long weights = 0;
    long sum = 0;
    for (Node part : parts) {
      if (part.weight() > 0) {
        weights += part.weight();
        sum += (long) part.weight() * progressOf(part, children, depth + 1);
      }
    }
    if (weights == 0) {
      return plan.ownProgress();
    }
    return (int) ((2 * sum + weights) / (2 * weights));
  }
}
