/**
 * The one way votes of every kind enter the database. Requests hand a validated command to {@link
 * org.tribune.ingest.control.VoteIngest} and wait (idea votes on the request thread, other kinds
 * asynchronously); a single writer thread takes whatever has queued, writes it in one transaction
 * per batch with plain JDBC, and only then completes each request. So an acknowledged vote is
 * durable, a flash crowd costs one commit per batch rather than per vote, and the rules that need a
 * consistent view (one vote per member, weekly budgets) are decided by one thread that sees every
 * vote in order. A full queue answers 503 at once instead of accepting what it cannot write.
 *
 * <p>Each vote kind supplies a {@link org.tribune.ingest.control.BatchWriter} with its SQL and
 * rules; the ingest knows nothing of ideas, builds or ballots.
 */
package org.tribune.ingest;
