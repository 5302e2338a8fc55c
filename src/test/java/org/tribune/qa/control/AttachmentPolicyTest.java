package org.tribune.qa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentPolicyTest {

  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };
  private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};

  private final AttachmentPolicy policy = new AttachmentPolicy(64);

  @Test
  void acceptsEachAllowedTypeWhoseContentMatches() {
    assertTrue(policy.check("shot.png", "image/png", PNG).isEmpty());
    assertTrue(policy.check("report.pdf", "application/pdf", PDF).isEmpty());
    assertTrue(policy.check("photo.jpg", "IMAGE/JPEG", JPEG).isEmpty());
    assertTrue(
        policy
            .check(
                "log.txt",
                "text/plain; charset=utf-8",
                "电池 drain log\n".getBytes(StandardCharsets.UTF_8))
            .isEmpty());
  }

  @Test
  void refusesTypesOutsideTheAllowlist() {
    assertEquals(
        AttachmentPolicy.Kind.UNSUPPORTED_TYPE,
        policy
            .check("page.html", "text/html", "<p>hi</p>".getBytes(StandardCharsets.UTF_8))
            .orElseThrow()
            .kind());
    assertEquals(
        AttachmentPolicy.Kind.UNSUPPORTED_TYPE,
        policy
            .check("x.svg", "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8))
            .orElseThrow()
            .kind());
    assertEquals(
        AttachmentPolicy.Kind.UNSUPPORTED_TYPE, policy.check("x", null, PNG).orElseThrow().kind());
  }

  @Test
  void refusesContentThatIsNotWhatItClaims() {
    assertEquals(
        AttachmentPolicy.Kind.UNSUPPORTED_TYPE,
        policy.check("fake.png", "image/png", PDF).orElseThrow().kind());
    assertEquals(
        AttachmentPolicy.Kind.UNSUPPORTED_TYPE,
        policy.check("fake.pdf", "application/pdf", JPEG).orElseThrow().kind());
    assertEquals(
        AttachmentPolicy.Kind.UNSUPPORTED_TYPE,
        policy.check("binary.txt", "text/plain", new byte[] {'a', 0, 'b'}).orElseThrow().kind());
    assertEquals(
        AttachmentPolicy.Kind.UNSUPPORTED_TYPE,
        policy
            .check("latin1.txt", "text/plain", new byte[] {'a', (byte) 0xe9})
            .orElseThrow()
            .kind());
  }

  @Test
  void refusesTooLargeEmptyAndNamelessFiles() {
    byte[] big = new byte[65];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    assertEquals(
        AttachmentPolicy.Kind.TOO_LARGE,
        policy.check("big.png", "image/png", big).orElseThrow().kind());
    byte[] exact = new byte[64];
    System.arraycopy(PNG, 0, exact, 0, PNG.length);
    assertTrue(policy.check("exact.png", "image/png", exact).isEmpty());
    assertEquals(
        AttachmentPolicy.Kind.INVALID,
        policy.check("e.txt", "text/plain", new byte[0]).orElseThrow().kind());
    assertEquals(
        AttachmentPolicy.Kind.INVALID, policy.check(null, "image/png", PNG).orElseThrow().kind());
    assertEquals(
        AttachmentPolicy.Kind.INVALID,
        policy.check("a\nb.png", "image/png", PNG).orElseThrow().kind());
  }

  @Test
  void keepsOnlyTheLastSegmentOfAClientsPath() {
    assertEquals("shot.png", AttachmentPolicy.fileName("C:\\Users\\ming\\shot.png"));
    assertEquals("shot.png", AttachmentPolicy.fileName("../../etc/shot.png"));
    assertNull(AttachmentPolicy.fileName("dir/.."));
    assertNull(AttachmentPolicy.fileName("dir/"));
  }
}
