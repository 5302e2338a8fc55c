package org.tribune.ledger.control;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash of a complete subtree of 2<sup>level</sup> leaves starting at leaf {@code index <<
 * level}: what a persistence layer stores to answer {@link SubtreeHashes#find(int, long)}.
 */
public record CompleteSubtree(int level, long index, byte[] hash) {

  public CompleteSubtree {
    hash = hash.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  /** The first leaf this subtree covers. */
  public long firstLeaf() {
    return index << level;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CompleteSubtree that
        && level == that.level
        && index == that.index
        && Arrays.equals(hash, that.hash);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "CompleteSubtree[level=%d, index=%d, hash=%s]"
        .formatted(level, index, HexFormat.of().formatHex(hash));
  }
}
