package org.tribune.ledger.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private static final HexFormat HEX = HexFormat.of();

  /** The eight leaves RFC 6962 implementations test against, as leaf hashes. */
  static final List<byte[]> STANDARD_LEAVES =
      List.of(
              "",
              "00",
              "10",
              "2021",
              "3031",
              "40414243",
              "5051525354555657",
              "606162636465666768696a6b6c6d6e6f")
          .stream()
          .map(hex -> MerkleTree.leafHash(HEX.parseHex(hex)))
          .toList();

  @Test
  void theRootOfTheEightStandardLeavesIsTheKnownOne() {
    MerkleTree tree = new MerkleTree(LeafHashes.of(STANDARD_LEAVES));
    assertEquals(
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        HEX.formatHex(tree.root(8)));
  }

  @Test
  void theEmptyTreesRootIsTheHashOfNothing() throws Exception {
    MerkleTree tree = new MerkleTree(index -> fail("an empty tree reads no leaves"));
    assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(), tree.root(0));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        HEX.formatHex(MerkleTree.emptyRoot()));
  }

  @Test
  void leafAndNodeHashesAreDomainSeparated() throws Exception {
    byte[] data = "tribune".getBytes(StandardCharsets.UTF_8);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update((byte) 0);
    assertArrayEquals(sha.digest(data), MerkleTree.leafHash(data));
    byte[] left = MerkleTree.leafHash(new byte[] {1});
    byte[] right = MerkleTree.leafHash(new byte[] {2});
    sha.update((byte) 1);
    sha.update(left);
    assertArrayEquals(sha.digest(right), MerkleTree.nodeHash(left, right));
  }

  @Test
  void aSingleLeafTreesRootIsItsLeafHash() {
    MerkleTree tree = new MerkleTree(LeafHashes.of(STANDARD_LEAVES));
    assertArrayEquals(STANDARD_LEAVES.get(0), tree.root(1));
  }

  @Test
  void rootsFollowTheLargestPowerOfTwoSplit() {
    List<byte[]> leaves = leaves(64);
    MerkleTree tree = new MerkleTree(LeafHashes.of(leaves));
    for (int n = 1; n <= 64; n++) {
      assertArrayEquals(naiveRoot(leaves.subList(0, n)), tree.root(n), "size " + n);
    }
  }

  @Test
  void everyInclusionProofUpTo64LeavesVerifiesAndNoTamperedOneDoes() {
    List<byte[]> leaves = leaves(64);
    MerkleTree tree = new MerkleTree(LeafHashes.of(leaves));
    for (int n = 1; n <= 64; n++) {
      byte[] root = tree.root(n);
      for (int i = 0; i < n; i++) {
        List<byte[]> proof = tree.inclusionProof(i, n);
        byte[] leaf = leaves.get(i);
        assertTrue(MerkleTree.verifyInclusion(i, n, leaf, proof, root), i + " in " + n);
        for (List<byte[]> tampered : tamperings(proof)) {
          assertFalse(MerkleTree.verifyInclusion(i, n, leaf, tampered, root), i + " in " + n);
        }
        assertFalse(MerkleTree.verifyInclusion(i, n, leaves.get((i + 1) % 64), proof, root));
        assertFalse(MerkleTree.verifyInclusion(n, n, leaf, proof, root));
        if (n > 1) {
          assertFalse(MerkleTree.verifyInclusion((i + 1) % n, n, leaf, proof, root));
          assertFalse(MerkleTree.verifyInclusion(i, n, leaf, proof, tree.root(n - 1)));
        }
      }
    }
  }

  @Test
  void everyConsistencyProofUpTo64LeavesVerifiesAndNoTamperedOneDoes() {
    List<byte[]> leaves = leaves(64);
    MerkleTree tree = new MerkleTree(LeafHashes.of(leaves));
    for (int n = 1; n <= 64; n++) {
      byte[] newRoot = tree.root(n);
      for (int m = 1; m <= n; m++) {
        byte[] oldRoot = tree.root(m);
        List<byte[]> proof = tree.consistencyProof(m, n);
        assertTrue(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, proof), m + " to " + n);
        for (List<byte[]> tampered : tamperings(proof)) {
          assertFalse(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, tampered), m + "→" + n);
        }
        if (m < n) {
          assertFalse(MerkleTree.verifyConsistency(m, n, tree.root(m + 1), newRoot, proof));
          assertFalse(MerkleTree.verifyConsistency(m, n, oldRoot, tree.root(n - 1), proof));
          assertFalse(MerkleTree.verifyConsistency(n, m, newRoot, oldRoot, proof));
        }
      }
    }
  }

  @Test
  void aRewrittenLeafBreaksConsistencyWithTheOldRoot() {
    List<byte[]> leaves = new ArrayList<>(leaves(20));
    byte[] oldRoot = new MerkleTree(LeafHashes.of(leaves)).root(13);
    leaves.set(5, MerkleTree.leafHash("edited".getBytes(StandardCharsets.UTF_8)));
    MerkleTree rewritten = new MerkleTree(LeafHashes.of(leaves));
    assertFalse(
        MerkleTree.verifyConsistency(
            13, 20, oldRoot, rewritten.root(20), rewritten.consistencyProof(13, 20)));
  }

  @Test
  void aConsistencyProofFromTheEmptyTreeIsRefused() {
    MerkleTree tree = new MerkleTree(LeafHashes.of(STANDARD_LEAVES));
    assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(0, 8));
    assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(5, 4));
    assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(8, 8));
    assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(-1, 8));
  }

  @Test
  void storedSubtreesGiveTheSameAnswersAsLeavesAlone() {
    List<byte[]> leaves = leaves(100);
    Map<String, byte[]> store = new HashMap<>();
    MerkleTree cached =
        new MerkleTree(LeafHashes.of(leaves), (level, index) -> store.get(level + "/" + index));
    for (long i = 0; i < leaves.size(); i++) {
      for (CompleteSubtree subtree : cached.subtreesCompletedBy(i)) {
        store.put(subtree.level() + "/" + subtree.index(), subtree.hash());
      }
    }
    assertEquals(100 - Long.bitCount(100), store.size(), "one stored subtree per inner node");
    MerkleTree plain = new MerkleTree(LeafHashes.of(leaves));
    for (int n = 1; n <= 100; n++) {
      assertArrayEquals(plain.root(n), cached.root(n));
      for (int i = 0; i < n; i += 7) {
        assertTrue(sameHashes(plain.inclusionProof(i, n), cached.inclusionProof(i, n)));
      }
      for (int m = 1; m <= n; m += 5) {
        assertTrue(sameHashes(plain.consistencyProof(m, n), cached.consistencyProof(m, n)));
      }
    }
  }

  @Test
  void withStoredSubtreesRootsAndProofsReadLogarithmicallyManyHashes() {
    int size = (1 << 16) + 12_345;
    List<byte[]> leaves = leaves(size);
    Map<Long, byte[]> store = new HashMap<>();
    AtomicLong reads = new AtomicLong();
    LeafHashes counted =
        index -> {
          reads.incrementAndGet();
          return leaves.get((int) index);
        };
    SubtreeHashes countedStore =
        (level, index) -> {
          byte[] hash = store.get(((long) level << 56) | index);
          if (hash != null) {
            reads.incrementAndGet();
          }
          return hash;
        };
    MerkleTree tree = new MerkleTree(counted, countedStore);
    for (long i = 0; i < size; i++) {
      reads.set(0);
      for (CompleteSubtree subtree : tree.subtreesCompletedBy(i)) {
        store.put(((long) subtree.level() << 56) | subtree.index(), subtree.hash());
      }
      assertTrue(reads.get() <= 18, "append " + i + " read " + reads.get());
    }
    int log = 64 - Long.numberOfLeadingZeros(size - 1);
    long[] sizes = {size, size - 1, 1 << 16, 40_000, 3};
    for (long n : sizes) {
      reads.set(0);
      tree.root(n);
      assertTrue(reads.get() <= log + 1, "root of " + n + " read " + reads.get());
      for (long i : new long[] {0, n / 3, n / 2, n - 1}) {
        reads.set(0);
        tree.inclusionProof(i, n);
        assertTrue(reads.get() <= 2 * log + 1, "inclusion " + i + " read " + reads.get());
      }
      for (long m : new long[] {1, n / 3, n / 2 + 1, n - 1, n}) {
        reads.set(0);
        tree.consistencyProof(Math.max(1, m), n);
        assertTrue(reads.get() <= 3 * log + 1, "consistency " + m + " read " + reads.get());
      }
    }
  }

  static boolean sameHash(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  static boolean sameHashes(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!sameHash(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<byte[]> leaves(int count) {
    List<byte[]> leaves = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      leaves.add(MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  /** MTH straight from RFC 9162 §2.1.1, over an in-memory list. */
  private static byte[] naiveRoot(List<byte[]> leaves) {
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return MerkleTree.nodeHash(
        naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
  }

  /** Every single-bit flip, each element dropped, and an element added at either end. */
  private static List<List<byte[]>> tamperings(List<byte[]> proof) {
    List<List<byte[]>> tampered = new ArrayList<>();
    for (int i = 0; i < proof.size(); i++) {
      List<byte[]> flipped = new ArrayList<>(proof);
      byte[] element = proof.get(i).clone();
      element[i % element.length] ^= 1;
      flipped.set(i, element);
      tampered.add(flipped);
      List<byte[]> dropped = new ArrayList<>(proof);
      dropped.remove(i);
      tampered.add(dropped);
    }
    byte[] extra = MerkleTree.leafHash(new byte[] {42});
    List<byte[]> appended = new ArrayList<>(proof);
    appended.add(extra);
    tampered.add(appended);
    List<byte[]> prepended = new ArrayList<>(proof);
    prepended.add(0, extra);
    tampered.add(prepended);
    return tampered;
  }

  private static byte[] fail(String message) {
    throw new AssertionError(message);
  }
}
