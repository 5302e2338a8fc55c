package org.tribune.ledger.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The RFC 9162 Merkle tree hash (the same as RFC 6962) over an append-only log: roots of any
 * prefix, inclusion proofs (§2.1.3) and consistency proofs (§2.1.4), and the verifiers an
 * independent client runs.
 *
 * <p>The tree reads leaf hashes through {@link LeafHashes} and, when it can, hashes of complete
 * subtrees through {@link SubtreeHashes}, so the log can live in a database. Every left child in
 * the RFC's largest-power-of-two split is a complete, aligned subtree; only the right spine is
 * ragged. With the subtree store filled, a root or either proof therefore costs O(log n) reads.
 *
 * <p>The verifiers follow the RFC 9162 algorithms step by step and are static: they need no log,
 * only what a client receives.
 */
public final class MerkleTree {

  public static final int HASH_LENGTH = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final byte[] EMPTY_ROOT = sha256().digest();

  private final LeafHashes leaves;
  private final SubtreeHashes subtrees;

  public MerkleTree(LeafHashes leaves) {
    this(leaves, SubtreeHashes.NONE);
  }

  public MerkleTree(LeafHashes leaves, SubtreeHashes subtrees) {
    this.leaves = Objects.requireNonNull(leaves);
    this.subtrees = Objects.requireNonNull(subtrees);
  }

  /** SHA-256(0x00 || data): the domain separation stops a leaf from passing for a node. */
  public static byte[] leafHash(byte[] data) {
    MessageDigest digest = sha256();
    digest.update(LEAF_PREFIX);
    return digest.digest(data);
  }

  /** SHA-256(0x01 || left || right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = sha256();
    digest.update(NODE_PREFIX);
    digest.update(left);
    return digest.digest(right);
  }

  /** The root of the empty tree, SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** The root of the tree of the first {@code size} leaves. */
  public byte[] root(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("a tree size cannot be negative: " + size);
    }
    return size == 0 ? emptyRoot() : hash(0, size);
  }

  /**
   * The audit path for the leaf at {@code index} in the tree of {@code size} leaves, deepest
   * sibling first (RFC 9162 §2.1.3.1).
   */
  public List<byte[]> inclusionProof(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf " + index + " is not in a tree of " + size + " leaves");
    }
    List<byte[]> proof = new ArrayList<>();
    path(index, 0, size, proof);
    return proof;
  }

  /**
   * The proof that the tree of {@code from} leaves is a prefix of the tree of {@code to} leaves
   * (RFC 9162 §2.1.4.1). Empty when the sizes are equal.
   */
  public List<byte[]> consistencyProof(long from, long to) {
    if (from <= 0 || from > to) {
      // From the empty tree every tree is consistent, so such a proof would prove nothing and
      // verifiers reject it; refusing it here keeps the prover and the verifiers in step.
      throw new IllegalArgumentException(
          "no consistency proof from size " + from + " to size " + to + "; need 0 < from <= to");
    }
    List<byte[]> proof = new ArrayList<>();
    subproof(from, 0, to, true, proof);
    return proof;
  }

  /**
   * The complete subtrees whose last leaf is the one at {@code index}, lowest first: what to add to
   * the {@link SubtreeHashes} store when that leaf is appended. Reads the smaller subtrees to its
   * left from the store, so appending in order keeps the cost at O(log n).
   */
  public List<CompleteSubtree> subtreesCompletedBy(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("a leaf index cannot be negative: " + index);
    }
    int levels = Long.numberOfTrailingZeros(index + 1);
    List<CompleteSubtree> completed = new ArrayList<>(levels);
    byte[] running = leaves.leafHash(index);
    for (int level = 1; level <= levels; level++) {
      long leftSibling = ((index + 1) >>> (level - 1)) - 2;
      byte[] left = hash(leftSibling << (level - 1), 1L << (level - 1));
      running = nodeHash(left, running);
      completed.add(new CompleteSubtree(level, ((index + 1) >>> level) - 1, running));
    }
    return completed;
  }

  /**
   * Whether {@code proof} shows that {@code leafHash} is the leaf at {@code index} in the tree of
   * {@code size} leaves with root {@code root} (RFC 9162 §2.1.3.2).
   */
  public static boolean verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || size <= 0 || index >= size) {
      return false;
    }
    if (!isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * Whether {@code proof} shows that the tree of {@code from} leaves with root {@code fromRoot} is
   * a prefix of the tree of {@code to} leaves with root {@code toRoot} (RFC 9162 §2.1.4.2).
   */
  public static boolean verifyConsistency(
      long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
    if (from < 0 || from > to || fromRoot == null || toRoot == null || proof == null) {
      return false;
    }
    if (from == to) {
      // Equal sizes need no proof, only equal roots; an empty tree has exactly one root.
      return proof.isEmpty()
          && MessageDigest.isEqual(fromRoot, toRoot)
          && (from != 0 || MessageDigest.isEqual(fromRoot, EMPTY_ROOT));
    }
    if (from == 0 || proof.isEmpty()) {
      return false;
    }
    if (!isHash(fromRoot) || !isHash(toRoot) || !allHashes(proof)) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof.size() + 1);
    if (Long.bitCount(from) == 1) {
      // The old tree is then itself a complete subtree of the new one, so the RFC leaves its root
      // out of the proof and the verifier starts from it.
      path.add(fromRoot);
    }
    path.addAll(proof);
    long fn = from - 1;
    long sn = to - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
  }

  /** MTH(D[start:start+size]) for size at least 1. */
  private byte[] hash(long start, long size) {
    if (size == 1) {
      return leaves.leafHash(start);
    }
    if (Long.bitCount(size) == 1) {
      // Every power-of-two range the RFC split produces starts at a multiple of its size.
      int level = Long.numberOfTrailingZeros(size);
      byte[] stored = subtrees.find(level, start >>> level);
      if (stored != null) {
        return stored;
      }
    }
    long k = split(size);
    return nodeHash(hash(start, k), hash(start + k, size - k));
  }

  /** PATH(m, D[start:start+size]) appended to {@code out}; m is relative to start. */
  private void path(long m, long start, long size, List<byte[]> out) {
    if (size == 1) {
      return;
    }
    long k = split(size);
    if (m < k) {
      path(m, start, k, out);
      out.add(hash(start + k, size - k));
    } else {
      path(m - k, start + k, size - k, out);
      out.add(hash(start, k));
    }
  }

  /** SUBPROOF(m, D[start:start+size], b) appended to {@code out}. */
  private void subproof(long m, long start, long size, boolean wholeOldTree, List<byte[]> out) {
    if (m == size) {
      if (!wholeOldTree) {
        out.add(hash(start, size));
      }
      return;
    }
    long k = split(size);
    if (m <= k) {
      subproof(m, start, k, wholeOldTree, out);
      out.add(hash(start + k, size - k));
    } else {
      subproof(m - k, start + k, size - k, false, out);
      out.add(hash(start, k));
    }
  }

  /** The largest power of two smaller than n, for n at least 2. */
  private static long split(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static boolean isHash(byte[] bytes) {
    return bytes != null && bytes.length == HASH_LENGTH;
  }

  private static boolean allHashes(List<byte[]> proof) {
    if (proof == null) {
      return false;
    }
    for (byte[] element : proof) {
      if (!isHash(element)) {
        return false;
      }
    }
    return true;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
