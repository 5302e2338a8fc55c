package org.tribune.qa.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an inquiry stands. Overdue and very overdue are not states: they are derived from the due
 * date ({@link Lateness}) so that they can never disagree with the calendar.
 */
public enum InquiryState {
  DRAFT,
  SUBMITTED,
  CLARIFICATION_REQUESTED,
  TRIAGED,
  REJECTED,
  MERGED,
  ASSIGNED,
  ANSWERED,
  SCHEDULED,
  DISCUSSED,
  PUBLISHED,
  WITHDRAWN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Seen by everyone: everything but a draft. */
  public boolean isPublic() {
    return this != DRAFT;
  }

  /** A department owes an answer. */
  public boolean awaitingAnswer() {
    return this == ASSIGNED;
  }

  /** Ended without an answer: rejected, merged into another, or withdrawn. */
  public boolean closedEarly() {
    return this == REJECTED || this == MERGED || this == WITHDRAWN;
  }

  public static Optional<InquiryState> fromWire(String text) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst();
  }
}
