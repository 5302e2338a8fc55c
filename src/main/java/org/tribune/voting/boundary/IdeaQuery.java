package org.tribune.voting.boundary;

import org.tribune.voting.entity.IdeaStatus;

/** A request for a page of the idea list; status and text are optional filters. */
public record IdeaQuery(IdeaSort sort, IdeaStatus status, String text, int limit, int offset) {}
