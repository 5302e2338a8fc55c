package org.tribune.voting.boundary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The published orders of the idea list; every one breaks ties by the newest idea. */
public enum IdeaSort {
  /** Most votes first. */
  TOP("t.votes DESC, i.id DESC"),
  /** Highest trending score first; the stored mass orders the same (docs/api.md, "Trending"). */
  TRENDING("t.trend_mass DESC, i.id DESC"),
  /** Newest first. */
  NEW("i.created_at DESC, i.id DESC");

  /** The SQL order, over {@code idea i LEFT JOIN idea_tally t}. */
  final String orderBy;

  IdeaSort(String orderBy) {
    this.orderBy = orderBy;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<IdeaSort> fromWire(String text) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst();
  }
}
