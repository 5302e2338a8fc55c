package org.tribune.qa.entity;

/** The delegate's classification of a published answer. */
public enum Satisfaction {
  SATISFIED,
  PARTLY,
  NOT_SATISFIED
}
