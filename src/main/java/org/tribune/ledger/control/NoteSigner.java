package org.tribune.ledger.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs C2SP signed notes with the log's Ed25519 key. The key travels as a signer key string,
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || 32-byte seed)>}, the private counterpart
 * of the verifier key (the form Go's sumdb/note uses), so configuration holds one line and a
 * mistyped key fails on its key id instead of signing with the wrong key.
 */
public final class NoteSigner {

  private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";
  private static final int SEED_LENGTH = 32;

  private final NoteVerifier verifier;
  private final PrivateKey privateKey;
  private final byte[] seed;

  private NoteSigner(String name, byte[] seed) {
    NoteVerifier.checkName(name);
    if (seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
    }
    KeyPair pair = keyPairFrom(seed);
    this.seed = seed.clone();
    this.privateKey = pair.getPrivate();
    this.verifier = new NoteVerifier(name, NoteVerifier.rawKey(pair.getPublic()));
  }

  /** A fresh key for the log named {@code name}; keep {@link #signerKey()} secret. */
  public static NoteSigner generate(String name) {
    byte[] seed = new byte[SEED_LENGTH];
    new SecureRandom().nextBytes(seed);
    return new NoteSigner(name, seed);
  }

  /** Reads a signer key string, checking its key id against the key it derives. */
  public static NoteSigner fromSignerKey(String signerKey) {
    Objects.requireNonNull(signerKey);
    String[] parts =
        signerKey.startsWith(PRIVATE_KEY_PREFIX)
            ? signerKey.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3)
            : new String[0];
    if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException(
          "a signer key reads PRIVATE+KEY+<name>+<8 hex digits>+<base64 seed>");
    }
    byte[] typedSeed;
    try {
      typedSeed = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the signer key's seed is not base64", e);
    }
    if (typedSeed.length != 1 + SEED_LENGTH || typedSeed[0] != NoteVerifier.ED25519) {
      throw new IllegalArgumentException("the signer key is not a 0x01 (Ed25519) key");
    }
    NoteSigner signer =
        new NoteSigner(parts[0], Arrays.copyOfRange(typedSeed, 1, typedSeed.length));
    if (signer.verifier.keyId() != Integer.parseUnsignedInt(parts[1], 16)) {
      throw new IllegalArgumentException("the signer key's id does not match its name and key");
    }
    return signer;
  }

  public String name() {
    return verifier.name();
  }

  /** The secret signer key string, for configuration. */
  public String signerKey() {
    byte[] typedSeed = new byte[1 + SEED_LENGTH];
    typedSeed[0] = NoteVerifier.ED25519;
    System.arraycopy(seed, 0, typedSeed, 1, SEED_LENGTH);
    return PRIVATE_KEY_PREFIX
        + name()
        + "+"
        + "%08x".formatted(verifier.keyId())
        + "+"
        + Base64.getEncoder().encodeToString(typedSeed);
  }

  /** The matching verifier, whose {@link NoteVerifier#verifierKey()} is published. */
  public NoteVerifier verifier() {
    return verifier;
  }

  /**
   * {@code text} as a signed note: the text, a blank line, and this key's signature line.
   *
   * @param text non-empty lines, each ending in a newline, none of them empty
   */
  public String sign(String text) {
    NoteVerifier.checkCharacters(text);
    if (text.isEmpty() || !text.endsWith("\n") || text.startsWith("\n") || text.contains("\n\n")) {
      // Readers split text from signatures at the last blank line, so blank lines in the text are
      // refused here rather than risk a note that reads back differently.
      throw new IllegalArgumentException("note text is non-empty lines, each ending in a newline");
    }
    byte[] signature;
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initSign(privateKey);
      ed25519.update(text.getBytes(StandardCharsets.UTF_8));
      signature = ed25519.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
    int id = verifier.keyId();
    byte[] line = new byte[4 + signature.length];
    line[0] = (byte) (id >>> 24);
    line[1] = (byte) (id >>> 16);
    line[2] = (byte) (id >>> 8);
    line[3] = (byte) id;
    System.arraycopy(signature, 0, line, 4, signature.length);
    return text
        + "\n"
        + NoteVerifier.SIGNATURE_PREFIX
        + name()
        + " "
        + Base64.getEncoder().encodeToString(line)
        + "\n";
  }

  @Override
  public String toString() {
    return "NoteSigner[" + verifier.verifierKey() + "]";
  }

  /**
   * The key pair of an RFC 8032 seed. The JDK has no public API to derive an Ed25519 public key
   * from its private key, but its generator takes the 32 seed bytes from the random source it is
   * given, so a source that yields the seed gives the pair. The seed check below catches a provider
   * that behaves otherwise.
   */
  private static KeyPair keyPairFrom(byte[] seed) {
    SecureRandom yieldsSeed =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;

          @Override
          public void nextBytes(byte[] bytes) {
            if (bytes.length != SEED_LENGTH) {
              throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length);
            }
            System.arraycopy(seed, 0, bytes, 0, SEED_LENGTH);
          }
        };
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(255, yieldsSeed);
      KeyPair pair = generator.generateKeyPair();
      byte[] derived = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      if (!Arrays.equals(derived, seed)) {
        throw new IllegalStateException("the Ed25519 provider did not take the given seed");
      }
      return pair;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is missing from this Java platform", e);
    }
  }
}
