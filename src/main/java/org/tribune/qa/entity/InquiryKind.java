package org.tribune.qa.entity;

/** A delegate's inquiry asks a question or makes a suggestion. */
public enum InquiryKind {
  QUESTION,
  SUGGESTION
}
