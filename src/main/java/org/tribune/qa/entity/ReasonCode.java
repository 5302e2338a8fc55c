package org.tribune.qa.entity;

/** Published reasons for rejecting an inquiry as inadmissible. */
public enum ReasonCode {
  NOT_WITHIN_REMIT,
  TOO_MANY_QUESTIONS,
  TOO_LONG,
  REPEAT_OF_ANSWERED,
  PERSONAL_CASE,
  OFFENSIVE,
  UNCLEAR
}
