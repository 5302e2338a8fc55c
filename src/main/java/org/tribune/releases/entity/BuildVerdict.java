package org.tribune.releases.entity;

import java.util.Locale;

/**
 * The testers' verdict on a build as the bad-build rule and the company left it. PENDING until the
 * verdict window closes; PASSED may still turn BAD if bad verdicts keep coming; BAD stays until the
 * company overrides it (SHIPPED_ANYWAY or CLEARED), after which the rule is no longer asked.
 */
public enum BuildVerdict {
  PENDING,
  PASSED,
  BAD,
  SHIPPED_ANYWAY,
  CLEARED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean overridden() {
    return this == SHIPPED_ANYWAY || this == CLEARED;
  }
}
