package org.tribune.selection.control;

import java.util.Objects;

/**
 * How many panel members must have a feature: one row of the Sortition Foundation's {@code
 * categories.csv} ({@code category,feature,min,max}), e.g. {@code gender,female,9,20}.
 */
public record Quota(String category, String feature, int min, int max) {

  public Quota {
    Objects.requireNonNull(category);
    Objects.requireNonNull(feature);
  }

  /** "gender=female", the way errors and reports name a quota. */
  public String label() {
    return category + "=" + feature;
  }
}
