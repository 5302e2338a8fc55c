package org.tribune.ledger.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One stored leaf: its index and its exact bytes (the entry's RFC 8785 canonical JSON). */
public record LedgerLeaf(long index, byte[] bytes) {

  public LedgerLeaf {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The entry as JSON text; canonical JSON is UTF-8 without lone surrogates, so this is exact. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LedgerLeaf that
        && index == that.index
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(index) + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "LedgerLeaf[" + index + ", " + text() + "]";
  }
}
