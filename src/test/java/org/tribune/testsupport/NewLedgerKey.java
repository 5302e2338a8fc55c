package org.tribune.testsupport;

import org.tribune.ledger.control.NoteSigner;

/**
 * Prints a fresh ledger signer key for the log named by the argument (default {@code
 * tribune.example/ledger}), the value every instance of a cluster is given as {@code
 * TRIBUNE_LEDGER_SIGNING_KEY}. Used by {@code ci/multi-instance.sh}.
 */
public final class NewLedgerKey {

  private NewLedgerKey() {}

  public static void main(String[] args) {
    System.out.println(
        NoteSigner.generate(args.length > 0 ? args[0] : "tribune.example/ledger").signerKey());
  }
}
