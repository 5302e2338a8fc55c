package org.tribune.ledger.control;

/**
 * An optional store of hashes of complete subtrees: the subtree at {@code level} and {@code index}
 * covers the 2<sup>level</sup> leaves starting at {@code index << level}. Such a subtree never
 * changes once its last leaf is appended, which is what makes it safe to keep in a table.
 *
 * <p>With every level stored, a root or proof costs O(log n) reads; with nothing stored the tree
 * still gives the same answers by hashing leaves. The store is trusted: a wrong entry gives wrong
 * roots, so it must only ever be filled from {@link MerkleTree#subtreesCompletedBy(long)}.
 */
@FunctionalInterface
public interface SubtreeHashes {

  /** No stored subtrees: everything is computed from leaf hashes. */
  SubtreeHashes NONE = (level, index) -> null;

  /** The stored hash, or {@code null} when this subtree is not stored (level is at least 1). */
  byte[] find(int level, long index);
}
