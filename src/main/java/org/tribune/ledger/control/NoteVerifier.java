package org.tribune.ledger.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Checks C2SP signed notes (c2sp.org/signed-note) from one Ed25519 key, known by its verifier key
 * {@code <name>+<hex key id>+<base64(0x01 || public key)>}: the string the log publishes so that
 * anyone can check its checkpoints.
 *
 * <p>Per the spec, signatures by other keys are ignored (they may be witnesses or a rotated key), a
 * failing signature by this key rejects the whole note, and a note this key did not sign is
 * rejected.
 */
public final class NoteVerifier {

  static final byte ED25519 = 0x01;
  static final String SIGNATURE_PREFIX = "\u2014 ";

  private static final int PUBLIC_KEY_LENGTH = 32;
  private static final int SIGNATURE_LENGTH = 64;
  private static final int MAX_SIGNATURES = 100;

  /** The fixed DER prefix of an X.509 SubjectPublicKeyInfo holding a raw Ed25519 key. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final String name;
  private final int keyId;
  private final byte[] rawKey;
  private final PublicKey publicKey;

  NoteVerifier(String name, byte[] rawKey) {
    this.name = checkName(name);
    if (rawKey.length != PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
    }
    this.rawKey = rawKey.clone();
    this.keyId = keyId(name, rawKey);
    this.publicKey = publicKey(rawKey);
  }

  /** Reads a verifier key, checking that its key id belongs to its name and public key. */
  public static NoteVerifier fromVerifierKey(String verifierKey) {
    String[] parts = Objects.requireNonNull(verifierKey).split("\\+", 3);
    if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException(
          "a verifier key reads <name>+<8 hex digits>+<base64 key>, not " + verifierKey);
    }
    byte[] typedKey;
    try {
      typedKey = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the verifier key's key is not base64", e);
    }
    if (typedKey.length != 1 + PUBLIC_KEY_LENGTH || typedKey[0] != ED25519) {
      throw new IllegalArgumentException("the verifier key is not a 0x01 (Ed25519) key");
    }
    NoteVerifier verifier =
        new NoteVerifier(parts[0], Arrays.copyOfRange(typedKey, 1, typedKey.length));
    if (verifier.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
      throw new IllegalArgumentException("the verifier key's id does not match its name and key");
    }
    return verifier;
  }

  public String name() {
    return name;
  }

  /** The 32-bit key id: the first four bytes of SHA-256(name || 0x0A || 0x01 || public key). */
  public int keyId() {
    return keyId;
  }

  /** The verifier key string to publish. */
  public String verifierKey() {
    byte[] typedKey = new byte[1 + PUBLIC_KEY_LENGTH];
    typedKey[0] = ED25519;
    System.arraycopy(rawKey, 0, typedKey, 1, PUBLIC_KEY_LENGTH);
    return name
        + "+"
        + "%08x".formatted(keyId)
        + "+"
        + Base64.getEncoder().encodeToString(typedKey);
  }

  /**
   * The text of {@code note} if this key signed it.
   *
   * @throws NoteRejectedException when the note is malformed, this key's signature fails, or this
   *     key did not sign it
   */
  public String open(String note) {
    checkCharacters(note);
    if (!note.endsWith("\n")) {
      throw new NoteRejectedException("a signed note ends with a newline");
    }
    int blank = note.lastIndexOf("\n\n");
    if (blank < 0) {
      throw new NoteRejectedException("a signed note has a blank line before its signatures");
    }
    String text = note.substring(0, blank + 1);
    String signatures = note.substring(blank + 2);
    if (signatures.isEmpty()) {
      throw new NoteRejectedException("a signed note has at least one signature line");
    }
    String[] lines = signatures.substring(0, signatures.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new NoteRejectedException("more than " + MAX_SIGNATURES + " signatures");
    }
    boolean verified = false;
    for (String line : lines) {
      byte[] signature = signatureOf(line);
      String signer = line.substring(SIGNATURE_PREFIX.length(), line.lastIndexOf(' '));
      int id =
          ((signature[0] & 0xff) << 24)
              | ((signature[1] & 0xff) << 16)
              | ((signature[2] & 0xff) << 8)
              | (signature[3] & 0xff);
      if (!signer.equals(name) || id != keyId) {
        continue;
      }
      if (signature.length != 4 + SIGNATURE_LENGTH || !verifies(text, signature)) {
        throw new NoteRejectedException("the signature by " + name + " does not verify");
      }
      verified = true;
    }
    if (!verified) {
      throw new NoteRejectedException(
          "no signature by " + name + "+" + "%08x".formatted(keyId) + " on this note");
    }
    return text;
  }

  private static byte[] signatureOf(String line) {
    int space = line.lastIndexOf(' ');
    if (!line.startsWith(SIGNATURE_PREFIX) || space <= SIGNATURE_PREFIX.length()) {
      throw new NoteRejectedException("a signature line reads \u2014 <name> <base64>: " + line);
    }
    String signer = line.substring(SIGNATURE_PREFIX.length(), space);
    if (!isValidName(signer)) {
      throw new NoteRejectedException("a malformed key name in a signature line: " + line);
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(line.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new NoteRejectedException("a signature that is not base64: " + line);
    }
    if (signature.length < 5) {
      throw new NoteRejectedException("a signature shorter than a key id and one byte: " + line);
    }
    return signature;
  }

  private boolean verifies(String text, byte[] signature) {
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initVerify(publicKey);
      ed25519.update(text.getBytes(StandardCharsets.UTF_8));
      return ed25519.verify(signature, 4, SIGNATURE_LENGTH);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Signed notes are UTF-8 without control characters other than newline. */
  static void checkCharacters(String note) {
    for (int i = 0; i < note.length(); i++) {
      char c = note.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new NoteRejectedException("a control character U+%04X in a note".formatted((int) c));
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < note.length()
            && Character.isLowSurrogate(note.charAt(i + 1))) {
          i++;
        } else {
          throw new NoteRejectedException("a note must be valid UTF-8 (lone surrogate)");
        }
      }
    }
  }

  static String checkName(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException("a key name is non-empty, without spaces or '+': " + name);
    }
    return name;
  }

  private static boolean isValidName(String name) {
    if (name == null || name.isEmpty() || name.indexOf('+') >= 0) {
      return false;
    }
    return name.codePoints()
        .noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20);
  }

  static int keyId(String name, byte[] rawKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(ED25519);
      byte[] hash = sha.digest(rawKey);
      return ((hash[0] & 0xff) << 24)
          | ((hash[1] & 0xff) << 16)
          | ((hash[2] & 0xff) << 8)
          | (hash[3] & 0xff);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  static byte[] rawKey(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded.length != SPKI_PREFIX.length + PUBLIC_KEY_LENGTH
        || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key");
    }
    return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
  }

  private static PublicKey publicKey(byte[] rawKey) {
    byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_LENGTH);
    System.arraycopy(rawKey, 0, encoded, SPKI_PREFIX.length, PUBLIC_KEY_LENGTH);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a usable Ed25519 public key", e);
    }
  }
}
