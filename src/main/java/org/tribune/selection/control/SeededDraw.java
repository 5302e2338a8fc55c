package org.tribune.selection.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The random draw that breaks strong ties, defined so that anyone can redo it from the published
 * seed with a few lines in any language.
 *
 * <p>Draw number {@code k} (0, 1, 2, … in the order ties occur during the count) takes {@code
 * SHA-256(UTF-8(seed) || 0x00 || k as 8-byte big-endian)} and reads its first 8 bytes as an
 * unsigned big-endian integer {@code v}. To pick one of {@code n} tied candidates (sorted by their
 * number in the ballot file), {@code v mod n} is used, unless {@code v} falls in the incomplete
 * last block {@code v >= 2^64 - (2^64 mod n)}, in which case the draw is rejected and the next
 * {@code k} is tried; this keeps every candidate exactly equally likely.
 */
public final class SeededDraw {

  private final byte[] seed;
  private long counter;

  public SeededDraw(String seed) {
    this.seed = seed.getBytes(StandardCharsets.UTF_8);
  }

  /** A uniformly drawn index in {@code [0, bound)}. */
  public int below(int bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound must be positive");
    }
    // 2^64 mod bound, computed without 128-bit arithmetic; values from 2^64 - that are rejected.
    long incomplete = (Long.remainderUnsigned(-1L, bound) + 1) % bound;
    long rejectFrom = -incomplete;
    while (true) {
      long v = block(counter++);
      if (rejectFrom == 0 || Long.compareUnsigned(v, rejectFrom) < 0) {
        return (int) Long.remainderUnsigned(v, bound);
      }
    }
  }

  /** How many blocks have been used, for the report. */
  public long used() {
    return counter;
  }

  private long block(long k) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(seed);
      sha.update((byte) 0);
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(k).array());
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
