package org.tribune.voting.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One idea with everything the idea page shows (docs/api.md, "Idea"): the summary's fields, the
 * text, the status with its reason and history, clarifications, and the caller's relation to it.
 */
public record IdeaDetail(
    long id,
    String title,
    String status,
    long votes,
    double trendingScore,
    long commentCount,
    Instant createdAt,
    AuthorRef author,
    String body,
    String statusReason,
    String targetBuild,
    Long mergedInto,
    boolean textFrozen,
    List<ClarificationView> clarifications,
    List<HistoryEntry> history,
    long followers,
    boolean following,
    boolean myVote) {

  /** Text the author appended after the idea's text froze. */
  public record ClarificationView(long id, String body, Instant createdAt) {}

  /** One status step; {@code from} is left out for the submission. */
  public record HistoryEntry(String from, String to, String reason, AuthorRef actor, Instant at) {}
}
