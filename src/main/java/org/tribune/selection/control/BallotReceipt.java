package org.tribune.selection.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A voter's receipt: {@code SHA-256(UTF-8(nonce ":" ranking))} in lower-case hex, where {@code
 * nonce} is 128 random bits in hex, given only to the voter, and {@code ranking} is the ballot as
 * 1-based ballot positions joined by commas ({@code "3,1,2"}), exactly as the ballot's line in the
 * published {@code .blt} reads without its weight and closing 0. The published receipt list names
 * each receipt's line, so a voter finds their ballot and can recompute the hash; nobody else can
 * tell whose receipt is whose.
 */
public final class BallotReceipt {

  private static final SecureRandom RANDOM = new SecureRandom();

  private BallotReceipt() {}

  /** 128 random bits in hex. */
  public static String randomHex() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public static String ranking(List<Integer> positions) {
    return String.join(",", positions.stream().map(String::valueOf).toList());
  }

  public static String receipt(String nonce, String ranking) {
    return sha256(nonce + ":" + ranking);
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public static List<Integer> parseRanking(String ranking) {
    return java.util.Arrays.stream(ranking.split(",")).map(Integer::valueOf).toList();
  }
}
