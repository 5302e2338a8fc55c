package org.tribune.qa.entity;

/** What an answer concludes, so that answers can be counted and compared. */
public enum OutcomeClass {
  ACCEPTED,
  PARTLY,
  DECLINED,
  NOT_OUR_REMIT
}
