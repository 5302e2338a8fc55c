package org.tribune.ingest.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a batch of one vote kind's commands inside the ingest's transaction and decides each
 * command's outcome. It must not commit or roll back: the ingest commits after {@code write}
 * returns and completes the requests only then. If it throws, nothing of the batch is kept and the
 * ingest retries the commands one by one, so that one bad command cannot sink the others.
 *
 * @param <C> the command type
 * @param <R> the outcome type, one per command, in the same order
 */
public interface BatchWriter<C, R> {

  List<R> write(Connection connection, List<C> commands) throws SQLException;
}
