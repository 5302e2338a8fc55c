package org.tribune.ledger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The public RFC 6962/9162 vectors of transparency-dev/merkle: the verifiers accept exactly the
 * cases marked {@code wantErr: false}. The vectors live outside the repository (in {@code
 * ../shared} beside the clone), so a missing folder fails loudly instead of passing vacuously.
 */
class MerkleVectorsTest {

  static Path vectorsFolder() {
    String override = System.getProperty("tribune.merkleVectors");
    if (override != null && !override.isBlank()) {
      Path given = Path.of(override);
      if (!Files.isDirectory(given)) {
        fail("-Dtribune.merkleVectors=" + override + " is not a folder");
      }
      return given;
    }
    Path beside = Path.of("..", "shared", "data", "merkle-vectors");
    if (Files.isDirectory(beside)) {
      return beside;
    }
    Path workspace = Path.of("/work/shared/data/merkle-vectors");
    if (Files.isDirectory(workspace)) {
      return workspace;
    }
    return fail(
        "Merkle test vectors not found: expected "
            + beside.toAbsolutePath().normalize()
            + " (shared/ beside the repository) or "
            + workspace
            + "; set -Dtribune.merkleVectors=<folder> to point elsewhere");
  }

  @TestFactory
  Stream<DynamicTest> inclusionVerifierAcceptsExactlyTheValidVectors() throws IOException {
    return cases("inclusion").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    name(file),
                    () -> {
                      JsonObject c = read(file);
                      boolean accepted =
                          MerkleTree.verifyInclusion(
                              unsigned(c, "leafIdx"),
                              unsigned(c, "treeSize"),
                              bytes(c, "leafHash"),
                              hashes(c),
                              bytes(c, "root"));
                      assertEquals(!c.getBoolean("wantErr"), accepted, c.getString("desc"));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyVerifierAcceptsExactlyTheValidVectors() throws IOException {
    return cases("consistency").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    name(file),
                    () -> {
                      JsonObject c = read(file);
                      boolean accepted =
                          MerkleTree.verifyConsistency(
                              unsigned(c, "size1"),
                              unsigned(c, "size2"),
                              bytes(c, "root1"),
                              bytes(c, "root2"),
                              hashes(c));
                      assertEquals(!c.getBoolean("wantErr"), accepted, c.getString("desc"));
                    }));
  }

  @Test
  void theVectorsHoldBothValidAndInvalidCasesOfBothKinds() throws IOException {
    for (String kind : List.of("inclusion", "consistency")) {
      long valid = 0;
      long invalid = 0;
      for (Path file : cases(kind)) {
        if (read(file).getBoolean("wantErr")) {
          invalid++;
        } else {
          valid++;
        }
      }
      assertTrue(valid > 0, kind + " vectors without a valid case");
      assertTrue(invalid > 0, kind + " vectors without an invalid case");
    }
  }

  @Test
  void theVectorsProofsAreTheOnesOurProverBuildsForTheStandardLeaves() throws IOException {
    MerkleTree tree = new MerkleTree(LeafHashes.of(MerkleTreeTest.STANDARD_LEAVES));
    int compared = 0;
    for (Path file : cases("inclusion")) {
      JsonObject c = read(file);
      if (!c.getBoolean("wantErr") && c.getString("desc").equals("happy path")) {
        long index = unsigned(c, "leafIdx");
        long size = unsigned(c, "treeSize");
        assertTrue(
            MerkleTreeTest.sameHashes(hashes(c), tree.inclusionProof(index, size)), name(file));
        assertTrue(MerkleTreeTest.sameHash(bytes(c, "root"), tree.root(size)), name(file));
        compared++;
      }
    }
    for (Path file : cases("consistency")) {
      JsonObject c = read(file);
      if (!c.getBoolean("wantErr") && c.getString("desc").equals("happy path")) {
        long from = unsigned(c, "size1");
        long to = unsigned(c, "size2");
        assertTrue(
            MerkleTreeTest.sameHashes(hashes(c), tree.consistencyProof(from, to)), name(file));
        compared++;
      }
    }
    assertFalse(compared == 0, "no happy-path vectors found");
  }

  private static List<Path> cases(String kind) throws IOException {
    Path folder = vectorsFolder().resolve(kind);
    if (!Files.isDirectory(folder)) {
      fail("no " + kind + " vectors in " + folder.toAbsolutePath().normalize());
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    if (files.isEmpty()) {
      fail("the " + kind + " vector folder " + folder + " holds no .json cases");
    }
    return files;
  }

  private static String name(Path file) {
    return file.getParent().getFileName() + "/" + file.getFileName();
  }

  private static JsonObject read(Path file) throws IOException {
    try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
      return reader.readObject();
    }
  }

  /** The vectors hold Go uint64 values; a value beyond Long.MAX_VALUE reads as negative. */
  private static long unsigned(JsonObject c, String key) {
    return ((JsonNumber) c.get(key)).bigIntegerValue().longValue();
  }

  private static byte[] bytes(JsonObject c, String key) {
    return Base64.getDecoder().decode(c.getString(key));
  }

  private static List<byte[]> hashes(JsonObject c) {
    List<byte[]> proof = new ArrayList<>();
    JsonValue value = c.get("proof");
    if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue element : value.asJsonArray()) {
        proof.add(Base64.getDecoder().decode(((jakarta.json.JsonString) element).getString()));
      }
    }
    return proof;
  }
}
