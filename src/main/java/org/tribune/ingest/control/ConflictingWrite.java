package org.tribune.ingest.control;

/**
 * Thrown by a {@link BatchWriter} when the state it decided a batch on changed underneath it:
 * another instance on the same database wrote the same rows. Nothing of the batch is kept; the
 * ingest writes the commands again one by one, each against fresh state.
 */
public class ConflictingWrite extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConflictingWrite(String message) {
    super(message);
  }
}
