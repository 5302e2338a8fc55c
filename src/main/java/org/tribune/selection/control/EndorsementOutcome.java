package org.tribune.selection.control;

/** The answer to one {@link EndorsementCommand}. */
public sealed interface EndorsementOutcome {

  /** Counted; {@code total} is the new count on the nominee, question or petition. */
  record Counted(long subjectId, long total) implements EndorsementOutcome {}

  /** A recall signature that brought the petition to its threshold. */
  record RecallReached(long delegateId, long total) implements EndorsementOutcome {}

  record Duplicate(long subjectId) implements EndorsementOutcome {}

  record NotFound(long subjectId) implements EndorsementOutcome {}

  /** The phase (or the delegate's term) does not take this now. */
  record Closed(long subjectId, String why) implements EndorsementOutcome {}
}
