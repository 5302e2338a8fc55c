package org.tribune.qa.entity;

/**
 * A session's setting: approved answers are published at once, or held and released in the session.
 */
public enum ReleaseMode {
  AT_ONCE,
  HELD
}
