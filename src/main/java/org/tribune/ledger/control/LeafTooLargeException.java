package org.tribune.ledger.control;

import org.tribune.platform.entity.DomainException;

/** An entry whose leaf would exceed {@link LedgerEntryFormat#MAX_LEAF_BYTES}. */
public class LeafTooLargeException extends DomainException {

  private static final long serialVersionUID = 1L;

  public LeafTooLargeException(int bytes, int max) {
    super(
        Kind.TOO_LARGE,
        "ledger-entry-too-large",
        "Ledger entry too large",
        "a ledger entry may have at most "
            + max
            + " bytes of canonical JSON, this one would have up to "
            + bytes
            + "; reference long texts by their SHA-256");
    with("maxBytes", max);
  }
}
