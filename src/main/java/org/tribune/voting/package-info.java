/**
 * Feature voting: ideas, their life cycle, comments, follows, flags and moderation, and votes.
 *
 * <p>The {@link org.tribune.voting.entity.Idea} aggregate holds the rules about an idea's text and
 * status ({@link org.tribune.voting.entity.IdeaLifecycle} is the published life cycle); votes and
 * tallies are not part of it, because a flash crowd must go through the one ingest path ({@link
 * org.tribune.voting.control.IdeaVotes}) that counts each vote exactly once. Ideas only read the
 * tally (to sort and to freeze their text after the first vote) and ask the ingest to open, close
 * or merge it. {@link org.tribune.voting.control.SimilarIdeas} and {@link
 * org.tribune.voting.control.FlagPolicy} are plain Java so they can be tested without a container.
 * Authors and actors are referred to by member id; display names are read from identity's table
 * with a query, so voting does not depend on identity's entity.
 */
package org.tribune.voting;
