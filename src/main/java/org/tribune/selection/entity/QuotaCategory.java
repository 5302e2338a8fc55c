package org.tribune.selection.entity;

import java.util.Arrays;
import java.util.Optional;

/** The member attributes a quota can be set on, as identity keeps them. */
public enum QuotaCategory {
  MEMBER_TYPE("member_type"),
  REGION("region"),
  DEVICE_LINE("device_line");

  private final String wireName;

  QuotaCategory(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<QuotaCategory> fromWire(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
  }
}
