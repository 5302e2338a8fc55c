package org.tribune.selection.control;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The nomination cap, after Stack Exchange's moderator elections: only so many nominations may
 * stand at once, and once they are full the bar to stand rises.
 *
 * <p>Rule: while fewer than {@code cap} nominations stand, a nominee needs the round's activity
 * floor. Once {@code cap} stand, the effective floor is one above the lowest activity score among
 * them (and never below the round's floor). A nominee who clears it takes a place, and the standing
 * nominee with the lowest score is displaced (on equal scores the most recently nominated one, so
 * earlier nominees keep their place). So at most {@code cap} ever stand, and a displaced nominee
 * always had less activity than whoever displaced them. A cap of 0 means no cap.
 */
public final class NominationCap {

  /** A standing nomination and its nominee's activity score at nomination. */
  public record Standing(long nominationId, int activity) {}

  private NominationCap() {}

  public static int effectiveFloor(int baseFloor, int cap, List<Standing> standing) {
    if (cap == 0 || standing.size() < cap) {
      return baseFloor;
    }
    int lowest = standing.stream().mapToInt(Standing::activity).min().orElse(baseFloor);
    return Math.max(baseFloor, lowest + 1);
  }

  /** Who makes room when a nominee joins {@code standing} (which excludes the newcomer). */
  public static Optional<Standing> displaced(int cap, List<Standing> standing) {
    if (cap == 0 || standing.size() < cap) {
      return Optional.empty();
    }
    return standing.stream()
        .min(
            Comparator.comparingInt(Standing::activity)
                .thenComparing(Comparator.comparingLong(Standing::nominationId).reversed()));
  }
}
