package org.tribune.ledger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CheckpointTest {

  private static final String ORIGIN = "tribune.example/ledger";
  private static final byte[] ROOT =
      HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void theTextIsOriginSizeAndBase64RootEachOnALine() {
    assertEquals(
        "tribune.example/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        new Checkpoint(ORIGIN, 8, ROOT).text());
    assertEquals(
        "tribune.example/ledger\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
        new Checkpoint(ORIGIN, 0, MerkleTree.emptyRoot()).text());
  }

  @Test
  void aSignedCheckpointOpensWithThePublishedVerifierKey() {
    NoteSigner log = NoteSigner.generate(ORIGIN);
    Checkpoint head = new Checkpoint(ORIGIN, 8, ROOT);
    String note = head.signWith(log);
    assertTrue(note.startsWith(head.text() + "\n\u2014 " + ORIGIN + " "), note);
    NoteVerifier published = NoteVerifier.fromVerifierKey(log.verifier().verifierKey());
    assertEquals(head, Checkpoint.open(note, published));
  }

  @Test
  void aCheckpointWithAnEditedSizeOrRootIsRejected() {
    NoteSigner log = NoteSigner.generate(ORIGIN);
    String note = new Checkpoint(ORIGIN, 8, ROOT).signWith(log);
    String shrunk = note.replaceFirst("\n8\n", "\n7\n");
    String rerooted = note.replace("XcnaeacG", "XcnaeacH");
    assertThrows(NoteRejectedException.class, () -> Checkpoint.open(shrunk, log.verifier()));
    assertThrows(NoteRejectedException.class, () -> Checkpoint.open(rerooted, log.verifier()));
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsRejected() {
    String note = new Checkpoint(ORIGIN, 8, ROOT).signWith(NoteSigner.generate(ORIGIN));
    NoteVerifier ours = NoteSigner.generate(ORIGIN).verifier();
    assertThrows(NoteRejectedException.class, () -> Checkpoint.open(note, ours));
  }

  @Test
  void aCheckpointOfAnotherOriginIsRejectedEvenIfOurKeySignedIt() {
    NoteSigner log = NoteSigner.generate(ORIGIN);
    String foreign = log.sign(new Checkpoint("other.example/log", 8, ROOT).text());
    assertThrows(NoteRejectedException.class, () -> Checkpoint.open(foreign, log.verifier()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Checkpoint("other.example/log", 8, ROOT).signWith(log));
  }

  @Test
  void checkpointTextIsReadStrictly() {
    String root = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";
    assertEquals(new Checkpoint(ORIGIN, 8, ROOT), Checkpoint.parse(ORIGIN + "\n8\n" + root + "\n"));
    for (String text :
        new String[] {
          ORIGIN + "\n08\n" + root + "\n",
          ORIGIN + "\n-1\n" + root + "\n",
          ORIGIN + "\n8\n" + root,
          ORIGIN + "\n8\n" + root + "\nextension\n",
          ORIGIN + "\n8\nXcnaeacG\n",
          ORIGIN + "\n8\n" + root.replace("=", "") + "\n",
          ORIGIN + "\n99999999999999999999\n" + root + "\n",
          "\n8\n" + root + "\n",
          ORIGIN + "\n8\n",
        }) {
      assertThrows(NoteRejectedException.class, () -> Checkpoint.parse(text), text);
    }
  }

  @Test
  void theCheckpointOfARealTreeCommitsToItsRoot() {
    MerkleTree tree = new MerkleTree(LeafHashes.of(MerkleTreeTest.STANDARD_LEAVES));
    NoteSigner log = NoteSigner.generate(ORIGIN);
    String note = new Checkpoint(ORIGIN, 8, tree.root(8)).signWith(log);
    Checkpoint opened = Checkpoint.open(note, log.verifier());
    byte[] leaf = MerkleTreeTest.STANDARD_LEAVES.get(5);
    assertTrue(
        MerkleTree.verifyInclusion(
            5, opened.size(), leaf, tree.inclusionProof(5, 8), opened.rootHash()));
  }
}
