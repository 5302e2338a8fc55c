package org.tribune.voting.boundary;

import java.time.Instant;
import java.util.List;

/** An idea in the moderation queue, with the flags no moderator has reviewed yet. */
public record FlaggedIdea(IdeaSummary idea, boolean hidden, List<FlagView> flags) {

  public record FlagView(AuthorRef member, String reason, Instant createdAt) {}
}
