package org.tribune.voting.boundary;

import java.time.Instant;

/** What a member who flagged an idea gets back. */
public record FlagReceipt(long ideaId, String reason, Instant createdAt) {}
