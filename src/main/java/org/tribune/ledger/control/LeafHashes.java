package org.tribune.ledger.control;

import java.util.List;

/**
 * Where the tree reads its leaves from. The tree never needs the leaf bytes, only their RFC 9162
 * leaf hashes, so a database can keep one 32-byte column per entry and serve any tree size without
 * loading the entries themselves.
 */
@FunctionalInterface
public interface LeafHashes {

  /**
   * The leaf hash of the entry at {@code index}, which is below every size the tree is asked for.
   */
  byte[] leafHash(long index);

  /** Leaf hashes held in memory, for tests and for tools that verify a downloaded log. */
  static LeafHashes of(List<byte[]> leafHashes) {
    return index -> leafHashes.get(Math.toIntExact(index));
  }
}
