package org.tribune.voting.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an idea stands. The wire and database spelling is the lower-case name. */
public enum IdeaStatus {
  OPEN,
  UNDER_REVIEW,
  PLANNED,
  IN_PROGRESS,
  SHIPPED,
  VERIFIED,
  DECLINED,
  DUPLICATE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Closed ideas take no votes; reaching one of these refunds the idea's votes. */
  public boolean closed() {
    return this == SHIPPED || this == VERIFIED || this == DECLINED || this == DUPLICATE;
  }

  public static Optional<IdeaStatus> fromWire(String text) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst();
  }
}
