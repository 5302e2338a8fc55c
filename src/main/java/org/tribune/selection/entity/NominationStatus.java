package org.tribune.selection.entity;

import java.util.Locale;

/**
 * A nomination by another member waits for the nominee ({@code pending}); a self-nomination stands
 * at once ({@code accepted}). A nominee may decline or withdraw; a nominee pushed out by a raised
 * activity floor under the nomination cap is {@code displaced}.
 */
public enum NominationStatus {
  PENDING,
  ACCEPTED,
  DECLINED,
  WITHDRAWN,
  DISPLACED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
