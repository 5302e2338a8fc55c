package org.tribune.qa.entity;

/** Whether a session is still to come, on air, or over. */
public enum LiveState {
  PLANNED,
  LIVE,
  ENDED
}
