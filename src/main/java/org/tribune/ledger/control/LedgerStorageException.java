package org.tribune.ledger.control;

import java.sql.SQLException;

/** A database failure while the tree read hashes, through interfaces that cannot throw it. */
public class LedgerStorageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LedgerStorageException(SQLException cause) {
    super("reading the ledger failed: " + cause.getMessage(), cause);
  }
}
