package org.tribune.ledger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

  @TempDir Path dataDir;

  @Test
  void aKeyIsGeneratedOnceIntoThePrivateKeyFileAndKept() throws Exception {
    NoteSigner first = SigningKeys.resolve(Optional.empty(), "tribune.example/ledger", dataDir);
    NoteSigner again = SigningKeys.resolve(Optional.empty(), "tribune.example/ledger", dataDir);
    assertEquals(first.verifier().verifierKey(), again.verifier().verifierKey());
    Path file = dataDir.resolve(SigningKeys.FILE_NAME);
    assertEquals(first.signerKey() + "\n", Files.readString(file));
    assertEquals(
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(file));
    try (var files = Files.list(dataDir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void aConfiguredKeyWinsAndMustNameTheOrigin() {
    NoteSigner configured = NoteSigner.generate("example.org/log");
    NoteSigner used =
        SigningKeys.resolve(Optional.of(configured.signerKey()), "example.org/log", dataDir);
    assertEquals(configured.verifier().verifierKey(), used.verifier().verifierKey());
    assertTrue(Files.notExists(dataDir.resolve(SigningKeys.FILE_NAME)));
    IllegalArgumentException wrong =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SigningKeys.resolve(
                    Optional.of(configured.signerKey()), "tribune.example/ledger", dataDir));
    assertTrue(wrong.getMessage().contains("tribune.ledger.origin"), wrong.getMessage());
  }

  @Test
  void aKeptKeyForAnotherOriginIsRefused() {
    SigningKeys.resolve(Optional.empty(), "first.example/log", dataDir);
    assertThrows(
        IllegalArgumentException.class,
        () -> SigningKeys.resolve(Optional.empty(), "second.example/log", dataDir));
  }
}
