package org.tribune.releases.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Trusted testers stay trusted by testing: a tester who gave no verdict on the last {@code
 * missedToRemove} builds of their device whose verdict window has closed (counting only builds
 * released after they joined) is removed, and may be invited again only after the cool-down. A
 * tester who has missed the newest of those builds, but fewer than {@code missedToRemove} in a row,
 * is warned, so that they (and the managers) see it coming.
 */
public final class TesterActivityRule {

  private final int missedToRemove;
  private final Duration coolDown;

  public TesterActivityRule(int missedToRemove, Duration coolDown) {
    if (missedToRemove < 1) {
      throw new IllegalArgumentException("missedToRemove >= 1");
    }
    this.missedToRemove = missedToRemove;
    this.coolDown = coolDown;
  }

  /**
   * @param gaveVerdict one entry per closed build, newest first
   */
  public boolean removes(List<Boolean> gaveVerdict) {
    if (gaveVerdict.size() < missedToRemove) {
      return false;
    }
    for (int i = 0; i < missedToRemove; i++) {
      if (gaveVerdict.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many of the newest closed builds in a row got no verdict.
   *
   * @param gaveVerdict one entry per closed build, newest first
   */
  public static int missedInARow(List<Boolean> gaveVerdict) {
    int missed = 0;
    while (missed < gaveVerdict.size() && !gaveVerdict.get(missed)) {
      missed++;
    }
    return missed;
  }

  /**
   * Whether the newest closed build got no verdict but the rule does not remove yet (with a rule of
   * one missed build nobody is warned: the first miss removes).
   *
   * @param gaveVerdict one entry per closed build, newest first
   */
  public boolean warns(List<Boolean> gaveVerdict) {
    int missed = missedInARow(gaveVerdict);
    return missed > 0 && missed < missedToRemove;
  }

  public Instant coolDownUntil(Instant removedAt) {
    return removedAt.plus(coolDown);
  }

  public int missedToRemove() {
    return missedToRemove;
  }

  public String reason() {
    return "No verdict on the last " + missedToRemove + " builds of the device.";
  }
}
