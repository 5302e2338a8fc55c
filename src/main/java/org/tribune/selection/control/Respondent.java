package org.tribune.selection.control;

import java.util.Map;
import java.util.Objects;

/**
 * A volunteer in a sortition pool: an id and their value in each category (e.g. {@code gender ->
 * female}), as one row of the Sortition Foundation's {@code respondents.csv}.
 */
public record Respondent(String id, Map<String, String> features) {

  public Respondent {
    Objects.requireNonNull(id);
    features = Map.copyOf(features);
  }
}
