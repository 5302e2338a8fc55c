package org.tribune.selection.control;

import org.tribune.identity.entity.MemberId;

/** Approval-style votes of selection, written by {@link EndorsementStore} in the ingest. */
public sealed interface EndorsementCommand {

  MemberId member();

  /** Endorse a standing nominee during the endorsement phase. */
  record Endorse(MemberId member, long nominationId) implements EndorsementCommand {}

  /** Upvote a questionnaire question while nominations and endorsements run. */
  record Upvote(MemberId member, long questionId) implements EndorsementCommand {}

  /** Sign the recall petition against a serving delegate. */
  record SignRecall(MemberId member, long delegateId) implements EndorsementCommand {}
}
