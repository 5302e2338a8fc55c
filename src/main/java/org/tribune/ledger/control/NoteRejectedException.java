package org.tribune.ledger.control;

/** A signed note or checkpoint that must not be trusted, with the reason. */
public class NoteRejectedException extends RuntimeException {

  public NoteRejectedException(String reason) {
    super(reason);
  }
}
