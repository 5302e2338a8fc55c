package org.tribune.identity.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random secrets that stand for a signed-in caller: session cookies, CSRF tokens and API
 * tokens. Each carries 256 bits of randomness, so the database keeps only a plain SHA-256 of it (no
 * salt or stretching is needed for values nobody can guess, and a plain hash lets a request be
 * looked up by index).
 */
public final class Secrets {

  /** API tokens start with this, so that secret scanners and people recognise them. */
  public static final String API_TOKEN_PREFIX = "trb_";

  private static final int RANDOM_BYTES = 32;
  private static final int ENCODED_LENGTH = 43;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Secrets() {}

  public static String newSessionToken() {
    return random();
  }

  public static String newCsrfToken() {
    return random();
  }

  public static String newApiToken() {
    return API_TOKEN_PREFIX + random();
  }

  /**
   * Whether a presented value could be one of our secrets at all; anything else is refused before
   * it is hashed or looked up.
   */
  public static boolean looksLikeApiToken(String value) {
    return value != null
        && value.length() == API_TOKEN_PREFIX.length() + ENCODED_LENGTH
        && value.startsWith(API_TOKEN_PREFIX)
        && isBase64Url(value.substring(API_TOKEN_PREFIX.length()));
  }

  public static boolean looksLikeSessionToken(String value) {
    return value != null && value.length() == ENCODED_LENGTH && isBase64Url(value);
  }

  /** Lower-case hex SHA-256 of the secret: what the database stores and the cache is keyed by. */
  public static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Compares in time independent of where the values differ. */
  public static boolean same(String expected, String presented) {
    if (expected == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String random() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  private static boolean isBase64Url(String s) {
    return s.chars()
        .allMatch(
            c ->
                (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_');
  }
}
