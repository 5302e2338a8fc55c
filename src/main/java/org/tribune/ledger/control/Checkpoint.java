package org.tribune.ledger.control;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A tree head in the C2SP tlog-checkpoint form (c2sp.org/tlog-checkpoint): the log's origin, its
 * size, and the RFC 9162 root at that size, each on its own line. Signed as a note by the log's
 * key, whose name is the origin, it is the statement verifiers hold the log to: every later
 * checkpoint must be consistent with it.
 *
 * <p>This log writes no extension lines, so a checkpoint carrying them is not one of its own and is
 * refused.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

  public Checkpoint {
    NoteVerifier.checkCharacters(origin);
    if (origin.isEmpty() || origin.contains("\n")) {
      throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
    }
    if (size < 0) {
      throw new IllegalArgumentException("a tree size cannot be negative: " + size);
    }
    if (rootHash.length != MerkleTree.HASH_LENGTH) {
      throw new IllegalArgumentException("a root hash has 32 bytes, not " + rootHash.length);
    }
    rootHash = rootHash.clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The note text: origin, size and base64 root, each ending in a newline. */
  public String text() {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
  }

  /** Reads a checkpoint's note text strictly: no leading zeros, canonical base64. */
  public static Checkpoint parse(String text) {
    if (!text.endsWith("\n")) {
      throw new NoteRejectedException("a checkpoint ends with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new NoteRejectedException("a checkpoint has an origin, a size and a root hash");
    }
    if (lines.length > 3) {
      throw new NoteRejectedException("this log writes no checkpoint extension lines");
    }
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw new NoteRejectedException("a malformed tree size: " + lines[1]);
    }
    long size;
    byte[] root;
    try {
      size = Long.parseLong(lines[1]);
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new NoteRejectedException("a malformed tree size or root hash: " + e.getMessage());
    }
    if (root.length != MerkleTree.HASH_LENGTH
        || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
      throw new NoteRejectedException("a malformed root hash: " + lines[2]);
    }
    try {
      return new Checkpoint(lines[0], size, root);
    } catch (IllegalArgumentException e) {
      throw new NoteRejectedException(e.getMessage());
    }
  }

  /** The signed checkpoint note; the key's name must be the origin, as the spec recommends. */
  public String signWith(NoteSigner signer) {
    if (!signer.name().equals(origin)) {
      throw new IllegalArgumentException(
          "the log signs as its origin " + origin + ", not as " + signer.name());
    }
    return signer.sign(text());
  }

  /**
   * The checkpoint in {@code note}, if {@code verifier}'s key signed it and it names the verifier's
   * log as its origin.
   *
   * @throws NoteRejectedException otherwise
   */
  public static Checkpoint open(String note, NoteVerifier verifier) {
    Checkpoint checkpoint = parse(verifier.open(note));
    if (!checkpoint.origin.equals(verifier.name())) {
      throw new NoteRejectedException(
          "a checkpoint of " + checkpoint.origin + ", not of " + verifier.name());
    }
    return checkpoint;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Checkpoint that
        && origin.equals(that.origin)
        && size == that.size
        && Arrays.equals(rootHash, that.rootHash);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(rootHash);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + ", " + size + ", " + HexFormat.of().formatHex(rootHash) + "]";
  }
}
