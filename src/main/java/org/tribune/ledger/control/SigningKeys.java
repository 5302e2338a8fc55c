package org.tribune.ledger.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where the log's Ed25519 signing key comes from: the configured signer key if there is one (the
 * way to run several instances), else a key file in the data directory, created with a fresh key on
 * first start. The key's name is the log's origin.
 */
public final class SigningKeys {

  /** The key file's name inside the data directory. */
  public static final String FILE_NAME = "ledger-signing-key";

  private SigningKeys() {}

  /**
   * The signer for the log named {@code origin}.
   *
   * @param configured a signer key string ({@code PRIVATE+KEY+<origin>+<id>+<base64>}), if set
   * @param dataDir where the generated key is kept when none is configured
   * @throws IllegalArgumentException if the configured key is malformed or names another origin
   */
  public static NoteSigner resolve(Optional<String> configured, String origin, Path dataDir) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      NoteSigner signer = NoteSigner.fromSignerKey(configured.get().trim());
      requireOrigin(signer, origin, "the configured tribune.ledger.signing-key");
      return signer;
    }
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        NoteSigner fresh = NoteSigner.generate(origin);
        write(file, fresh.signerKey() + "\n");
      }
      // Read back even when just written: another instance on the same directory may have won.
      NoteSigner signer =
          NoteSigner.fromSignerKey(Files.readString(file, StandardCharsets.UTF_8).trim());
      requireOrigin(signer, origin, file.toString());
      return signer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the ledger signing key in " + file, e);
    }
  }

  private static void requireOrigin(NoteSigner signer, String origin, String source) {
    if (!signer.name().equals(origin)) {
      throw new IllegalArgumentException(
          "the ledger signing key in "
              + source
              + " is for the log "
              + signer.name()
              + ", but tribune.ledger.origin is "
              + origin);
    }
  }

  /** Writes to a private temporary file first, so nobody ever reads a half-written key. */
  private static void write(Path file, String content) throws IOException {
    Path temporary;
    try {
      temporary =
          Files.createTempFile(
              file.getParent(),
              FILE_NAME,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
    }
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      Files.move(temporary, file);
    } catch (FileAlreadyExistsException e) {
      // Another instance on the same directory wrote its key first; that one is the log's key.
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
