package org.tribune.qa.entity;

/**
 * A drafted answer waits for its department lead's approval; holding answers and corrections are
 * published when written.
 */
public enum AnswerStatus {
  DRAFT,
  APPROVED,
  PUBLISHED
}
