package org.tribune.ledger;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A verifier written from RFC 9162 and the C2SP specs alone, sharing no code with the ledger, so
 * that the ledger's tests do not check the service against itself. Recursive (RFC 9162 §2.1.3.2 and
 * §2.1.4.2 restated as the tree definition), unlike the ledger's iterative verifiers.
 */
public final class IndependentVerifier {

  private IndependentVerifier() {}

  public static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] leafHash(byte[] leaf) {
    return sha256(new byte[] {0}, leaf);
  }

  public static byte[] node(byte[] left, byte[] right) {
    return sha256(new byte[] {1}, left, right);
  }

  /** MTH over all the given leaf hashes, straight from the RFC's definition. */
  public static byte[] root(List<byte[]> leafHashes) {
    int n = leafHashes.size();
    if (n == 0) {
      return sha256();
    }
    if (n == 1) {
      return leafHashes.get(0);
    }
    int k = Integer.highestOneBit(n - 1);
    return node(root(leafHashes.subList(0, k)), root(leafHashes.subList(k, n)));
  }

  /** The root that an inclusion proof implies for leaf {@code index} of {@code size}. */
  public static byte[] rootFromInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof) {
    return climb(index, size, leafHash, proof, proof.size());
  }

  // Proof elements are deepest first, so the top split consumes the last one.
  private static byte[] climb(long m, long n, byte[] leaf, List<byte[]> proof, int end) {
    if (n == 1) {
      if (end != 0) {
        throw new IllegalArgumentException("proof too long");
      }
      return leaf;
    }
    if (end == 0) {
      throw new IllegalArgumentException("proof too short");
    }
    long k = Long.highestOneBit(n - 1);
    byte[] sibling = proof.get(end - 1);
    return m < k
        ? node(climb(m, k, leaf, proof, end - 1), sibling)
        : node(sibling, climb(m - k, n - k, leaf, proof, end - 1));
  }

  /**
   * Whether a consistency proof from (m, oldRoot) to (n, newRoot) holds: rebuilds both roots from
   * the proof by the RFC's SUBPROOF recursion.
   */
  public static boolean consistent(
      long m, long n, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
    if (m == n) {
      return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
    }
    byte[][] roots = new byte[2][];
    int[] used = {0};
    byte[][] result = subproof(m, n, true, oldRoot, proof, used);
    roots[0] = result[0];
    roots[1] = result[1];
    return used[0] == proof.size()
        && Arrays.equals(roots[0], oldRoot)
        && Arrays.equals(roots[1], newRoot);
  }

  // Returns {old subtree root or null, new subtree root}, consuming proof elements from the end.
  private static byte[][] subproof(
      long m, long n, boolean whole, byte[] oldRoot, List<byte[]> proof, int[] used) {
    if (m == n) {
      byte[] hash = whole ? oldRoot : proof.get(proof.size() - 1 - used[0]++);
      return new byte[][] {hash, hash};
    }
    long k = Long.highestOneBit(n - 1);
    byte[] sibling = proof.get(proof.size() - 1 - used[0]++);
    if (m <= k) {
      byte[][] left = subproof(m, k, whole, oldRoot, proof, used);
      return new byte[][] {left[0], node(left[1], sibling)};
    }
    byte[][] right = subproof(m - k, n - k, false, oldRoot, proof, used);
    return new byte[][] {node(sibling, right[0]), node(sibling, right[1])};
  }

  /** A checkpoint opened by the verifier key, or an exception saying why not. */
  public record Head(String origin, long size, byte[] root) {}

  public static Head openCheckpoint(String note, String verifierKey) throws Exception {
    String[] key = verifierKey.split("\\+", 3);
    String name = key[0];
    byte[] typed = Base64.getDecoder().decode(key[2]);
    if (typed.length != 33 || typed[0] != 1) {
      throw new IllegalArgumentException("not an Ed25519 verifier key");
    }
    byte[] raw = Arrays.copyOfRange(typed, 1, 33);
    byte[] id =
        Arrays.copyOf(sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n'}, typed), 4);
    if (!String.format("%02x%02x%02x%02x", id[0], id[1], id[2], id[3]).equals(key[1])) {
      throw new IllegalArgumentException("key id does not match");
    }
    int split = note.lastIndexOf("\n\n");
    String text = note.substring(0, split + 1);
    String[] signatureLines = note.substring(split + 2).split("\n");
    boolean signed = false;
    for (String line : signatureLines) {
      String prefix = "\u2014 " + name + " ";
      if (line.startsWith(prefix)) {
        byte[] sig = Base64.getDecoder().decode(line.substring(prefix.length()));
        if (!Arrays.equals(Arrays.copyOf(sig, 4), id)) {
          continue;
        }
        // An Ed25519 public key as X.509 SubjectPublicKeyInfo: a fixed 12-byte header + key.
        byte[] spki = new byte[44];
        byte[] header = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        System.arraycopy(header, 0, spki, 0, 12);
        System.arraycopy(raw, 0, spki, 12, 32);
        PublicKey publicKey =
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature verify = Signature.getInstance("Ed25519");
        verify.initVerify(publicKey);
        verify.update(text.getBytes(StandardCharsets.UTF_8));
        signed = verify.verify(Arrays.copyOfRange(sig, 4, sig.length));
      }
    }
    if (!signed) {
      throw new IllegalArgumentException("no valid signature by " + name);
    }
    String[] lines = text.split("\n");
    if (!lines[0].equals(name)) {
      throw new IllegalArgumentException("checkpoint of another log");
    }
    return new Head(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
  }
}
