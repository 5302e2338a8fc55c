package org.tribune.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void apiTokensCarryTheRecognisablePrefix() {
    String token = Secrets.newApiToken();
    assertTrue(token.startsWith("trb_"));
    assertEquals(47, token.length());
    assertTrue(Secrets.looksLikeApiToken(token));
  }

  @Test
  void secretsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertTrue(seen.add(Secrets.newSessionToken()));
    }
  }

  @Test
  void sessionTokensAreNotApiTokensAndViceVersa() {
    String session = Secrets.newSessionToken();
    assertTrue(Secrets.looksLikeSessionToken(session));
    assertFalse(Secrets.looksLikeApiToken(session));
    assertFalse(Secrets.looksLikeSessionToken(Secrets.newApiToken()));
  }

  @Test
  void malformedTokensAreRecognisedWithoutLookingThemUp() {
    assertFalse(Secrets.looksLikeApiToken(null));
    assertFalse(Secrets.looksLikeApiToken("trb_short"));
    assertFalse(Secrets.looksLikeApiToken("trb_" + "a".repeat(42) + "="));
    assertFalse(Secrets.looksLikeApiToken("xyz_" + "a".repeat(43)));
  }

  @Test
  void hashIsLowerCaseHexSha256() {
    // SHA-256("abc") from FIPS 180-2.
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hash("abc"));
  }

  @Test
  void hashIsStableAndDistinguishesSecrets() {
    String a = Secrets.newApiToken();
    assertEquals(Secrets.hash(a), Secrets.hash(a));
    assertNotEquals(Secrets.hash(a), Secrets.hash(Secrets.newApiToken()));
  }

  @Test
  void comparisonHandlesMissingValues() {
    assertTrue(Secrets.same("x", "x"));
    assertFalse(Secrets.same("x", "y"));
    assertFalse(Secrets.same("x", null));
    assertFalse(Secrets.same(null, null));
  }
}
