package org.tribune.voting.boundary;

import java.time.Instant;

/** An idea in a list (docs/api.md, "IdeaSummary"). */
public record IdeaSummary(
    long id,
    String title,
    String status,
    long votes,
    double trendingScore,
    long commentCount,
    Instant createdAt,
    AuthorRef author) {}
