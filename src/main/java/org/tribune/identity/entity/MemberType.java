package org.tribune.identity.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of user a member says they are. Selection rounds draw delegates with quotas over these
 * types, so the set is closed and the wire names are stable.
 */
public enum MemberType {
  ENTHUSIAST("enthusiast"),
  DEVELOPER("developer"),
  POWER_USER("power_user"),
  CASUAL("casual"),
  CREATOR("creator");

  private final String wireName;

  MemberType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<MemberType> fromWire(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
