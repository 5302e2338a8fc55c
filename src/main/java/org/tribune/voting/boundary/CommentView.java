package org.tribune.voting.boundary;

import java.time.Instant;

public record CommentView(long id, String body, Instant createdAt, AuthorRef author) {}
