package org.tribune.releases.entity;

import java.util.Locale;

/** Where a build is offered: trusted testers first, then the weekly developer ROM, then stable. */
public enum Channel {
  UPCOMING,
  TRUSTED,
  DEVELOPER,
  STABLE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
