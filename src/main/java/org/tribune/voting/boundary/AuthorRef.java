package org.tribune.voting.boundary;

/** A member as ideas show them: id and display name (author, history actor, flagger). */
public record AuthorRef(long id, String displayName) {}
