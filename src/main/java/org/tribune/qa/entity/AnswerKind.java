package org.tribune.qa.entity;

/**
 * A full answer, an interim holding answer (which does not stop the clock), or a correction
 * appended to a published answer.
 */
public enum AnswerKind {
  ANSWER,
  HOLDING,
  CORRECTION
}
