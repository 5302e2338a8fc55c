package org.tribune.selection.entity;

import java.util.Locale;

/**
 * Where a round stands. The first four follow from the round's timeline and the clock; {@link
 * #COUNTING} is the gap between the close of voting and the manager's count; {@link #PUBLISHED} and
 * {@link #CANCELLED} are recorded facts.
 */
public enum RoundPhase {
  UPCOMING,
  NOMINATION,
  ENDORSEMENT,
  VOTING,
  COUNTING,
  PUBLISHED,
  CANCELLED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
