package org.tribune.selection.control;

/** Where a candidate stands at the end of a round. */
public enum CandidateStatus {
  HOPEFUL,
  ELECTED,
  ELIMINATED,
  WITHDRAWN
}
