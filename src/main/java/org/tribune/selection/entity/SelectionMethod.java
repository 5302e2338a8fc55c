package org.tribune.selection.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a round chooses: a Meek STV election over the endorsed shortlist, a stratified sortition draw
 * among the volunteers, both (a sortition shortlist, then an election), or STV within each member
 * type (the round's member-type quotas, each with min = max, are the seats of each type; one count
 * per type).
 */
public enum SelectionMethod {
  STV,
  SORTITION,
  COMBINED,
  STV_BY_TYPE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SelectionMethod> fromWire(String name) {
    return Arrays.stream(values()).filter(m -> m.wireName().equals(name)).findFirst();
  }
}
