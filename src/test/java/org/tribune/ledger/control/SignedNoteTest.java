package org.tribune.ledger.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

  // The example key and note of Go's golang.org/x/mod/sumdb/note, the reference implementation of
  // c2sp.org/signed-note. Ed25519 is deterministic, so signing the text must give this very note.
  private static final String REFERENCE_VERIFIER_KEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String REFERENCE_SIGNER_KEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  private static final String REFERENCE_TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  private static final String REFERENCE_NOTE =
      REFERENCE_TEXT
          + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  @Test
  void theReferenceKeySignsTheReferenceTextIntoTheReferenceNote() {
    NoteSigner signer = NoteSigner.fromSignerKey(REFERENCE_SIGNER_KEY);
    assertEquals(REFERENCE_NOTE, signer.sign(REFERENCE_TEXT));
    assertEquals(REFERENCE_VERIFIER_KEY, signer.verifier().verifierKey());
    assertEquals(REFERENCE_SIGNER_KEY, signer.signerKey());
  }

  @Test
  void theReferenceNoteOpensWithTheReferenceVerifierKey() {
    NoteVerifier verifier = NoteVerifier.fromVerifierKey(REFERENCE_VERIFIER_KEY);
    assertEquals(REFERENCE_TEXT, verifier.open(REFERENCE_NOTE));
    assertEquals("PeterNeumann", verifier.name());
    assertEquals(0xc74f20a3, verifier.keyId());
  }

  @Test
  void theKeyIdIsTheStartOfSha256OfNameNewlineTypeAndPublicKey() throws Exception {
    byte[] typedKey = Base64.getDecoder().decode(REFERENCE_VERIFIER_KEY.split("\\+")[2]);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update("PeterNeumann".getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0x0a);
    byte[] hash = sha.digest(typedKey);
    assertEquals(0x01, typedKey[0]);
    assertArrayEquals(
        Arrays.copyOf(hash, 4), new byte[] {(byte) 0xc7, (byte) 0x4f, (byte) 0x20, (byte) 0xa3});
  }

  @Test
  void signatureLinesStartWithAnEmDashAndASpace() {
    String note = NoteSigner.generate("tribune.example/ledger").sign("hello\n");
    byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
    int line = note.indexOf("\n\n") + 2;
    byte[] start = Arrays.copyOfRange(bytes, line, line + 4);
    assertArrayEquals(new byte[] {(byte) 0xe2, (byte) 0x80, (byte) 0x94, 0x20}, start);
  }

  @Test
  void aGeneratedKeySurvivesItsSignerKeyString() {
    NoteSigner generated = NoteSigner.generate("tribune.example/ledger");
    NoteSigner loaded = NoteSigner.fromSignerKey(generated.signerKey());
    assertEquals(generated.verifier().verifierKey(), loaded.verifier().verifierKey());
    String note = loaded.sign("entry\n");
    assertEquals("entry\n", generated.verifier().open(note));
    assertTrue(generated.signerKey().startsWith("PRIVATE+KEY+tribune.example/ledger+"));
    assertTrue(!generated.toString().contains(generated.signerKey()), "toString hides the key");
  }

  @Test
  void keysWhoseBase64HoldsAPlusSignStillRead() {
    NoteSigner signer = NoteSigner.generate("tribune.example/ledger");
    while (!signer.verifier().verifierKey().substring(32).contains("+")
        || !signer.signerKey().substring(44).contains("+")) {
      signer = NoteSigner.generate("tribune.example/ledger");
    }
    String verifierKey = signer.verifier().verifierKey();
    assertEquals(verifierKey, NoteVerifier.fromVerifierKey(verifierKey).verifierKey());
    assertEquals(signer.signerKey(), NoteSigner.fromSignerKey(signer.signerKey()).signerKey());
  }

  @Test
  void aTamperedTextIsRejected() {
    NoteVerifier verifier = NoteVerifier.fromVerifierKey(REFERENCE_VERIFIER_KEY);
    assertThrows(
        NoteRejectedException.class,
        () -> verifier.open(REFERENCE_NOTE.replace("cryptography", "cryptographY")));
    assertThrows(
        NoteRejectedException.class,
        () -> verifier.open(REFERENCE_NOTE.replace("problem is.\n", "problem is.\nextra\n")));
  }

  @Test
  void aNoteSignedByAnotherKeyOfTheSameNameIsRejected() {
    NoteSigner impostor = NoteSigner.generate("PeterNeumann");
    NoteVerifier verifier = NoteVerifier.fromVerifierKey(REFERENCE_VERIFIER_KEY);
    NoteRejectedException rejected =
        assertThrows(
            NoteRejectedException.class, () -> verifier.open(impostor.sign(REFERENCE_TEXT)));
    assertTrue(rejected.getMessage().contains("no signature"), rejected.getMessage());
  }

  @Test
  void aSignatureUnderAnotherNameDoesNotCount() {
    String renamed = REFERENCE_NOTE.replace("\u2014 PeterNeumann ", "\u2014 PeterNeuman ");
    assertThrows(
        NoteRejectedException.class,
        () -> NoteVerifier.fromVerifierKey(REFERENCE_VERIFIER_KEY).open(renamed));
  }

  @Test
  void aBadSignatureFromTheKnownKeyRejectsTheNoteEvenBesideAGoodOne() {
    byte[] signature =
        Base64.getDecoder()
            .decode(REFERENCE_NOTE.substring(REFERENCE_NOTE.lastIndexOf(' ') + 1).trim());
    signature[10] ^= 1;
    String badLine = "\u2014 PeterNeumann " + Base64.getEncoder().encodeToString(signature) + "\n";
    NoteVerifier verifier = NoteVerifier.fromVerifierKey(REFERENCE_VERIFIER_KEY);
    assertThrows(NoteRejectedException.class, () -> verifier.open(REFERENCE_TEXT + "\n" + badLine));
    assertThrows(NoteRejectedException.class, () -> verifier.open(REFERENCE_NOTE + badLine));
  }

  @Test
  void signaturesFromUnknownKeysAreIgnored() {
    NoteSigner witness = NoteSigner.generate("witness.example");
    String witnessLine = witness.sign(REFERENCE_TEXT).substring(REFERENCE_TEXT.length() + 1);
    NoteVerifier verifier = NoteVerifier.fromVerifierKey(REFERENCE_VERIFIER_KEY);
    assertEquals(REFERENCE_TEXT, verifier.open(REFERENCE_NOTE + witnessLine));
    assertEquals(
        REFERENCE_TEXT,
        verifier.open(
            REFERENCE_TEXT
                + "\n"
                + witnessLine
                + REFERENCE_NOTE.substring(REFERENCE_TEXT.length() + 1)));
    assertThrows(
        NoteRejectedException.class, () -> verifier.open(REFERENCE_TEXT + "\n" + witnessLine));
  }

  @Test
  void malformedNotesAreRejected() {
    NoteVerifier verifier = NoteVerifier.fromVerifierKey(REFERENCE_VERIFIER_KEY);
    for (String note :
        new String[] {
          REFERENCE_TEXT,
          REFERENCE_TEXT + "\n",
          REFERENCE_NOTE.substring(0, REFERENCE_NOTE.length() - 1),
          REFERENCE_NOTE.replace("\u2014", "--"),
          REFERENCE_NOTE.replace("then", "\tthen"),
          REFERENCE_NOTE + "\u2014 PeterNeumann not*base64\n",
          REFERENCE_NOTE + "\u2014 PeterNeumann AAAA\n",
        }) {
      assertThrows(NoteRejectedException.class, () -> verifier.open(note), note);
    }
  }

  @Test
  void manglesOfTheVerifierKeyAreRefused() {
    String[] mangled = {
      "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
      "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
      "PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
      "PeterNeumann+c74f20a3+Apc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
      "PeterNeumann+c74f20a3+AhpcAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "PeterNeumann+c74f20a3",
      "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    };
    for (String key : mangled) {
      assertThrows(IllegalArgumentException.class, () -> NoteVerifier.fromVerifierKey(key), key);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> NoteSigner.fromSignerKey(REFERENCE_SIGNER_KEY.replace("c74f20a3", "c74f20a4")));
  }

  @Test
  void textWithBlankLinesOrNoFinalNewlineIsNotSigned() {
    NoteSigner signer = NoteSigner.generate("tribune.example/ledger");
    for (String text : new String[] {"", "no newline", "a\n\nb\n", "\nlead\n", "tab\there\n"}) {
      assertThrows(RuntimeException.class, () -> signer.sign(text), text);
    }
    assertNotEquals(signer.sign("a\n"), NoteSigner.generate("tribune.example/ledger").sign("a\n"));
  }
}
