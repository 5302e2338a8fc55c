package org.tribune.selection.control;

/**
 * How the panel's distribution is chosen: {@code LEXIMIN} (Flanigan et al. 2021, maximally fair to
 * the least-chosen volunteer, then the next) or {@code LEGACY} (the Sortition Foundation's original
 * greedy draw, kept as a baseline whose probabilities can only be estimated by repeating it).
 */
public enum SortitionMethod {
  LEXIMIN,
  LEGACY
}
