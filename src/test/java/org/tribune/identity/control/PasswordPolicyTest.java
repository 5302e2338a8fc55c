package org.tribune.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.EmailAddress;
import org.tribune.platform.entity.DomainException;

class PasswordPolicyTest {

  private final EmailAddress email = new EmailAddress("ana@example.org");

  @Test
  void tenCharactersAreEnough() {
    assertTrue(PasswordPolicy.reasonToRefuse("abcdefghij", email).isEmpty());
  }

  @Test
  void nineCharactersAreRefused() {
    assertEquals(
        "must be at least 10 characters",
        PasswordPolicy.reasonToRefuse("abcdefghi", email).orElseThrow());
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    // Nine emoji are 18 UTF-16 units but only nine characters.
    String nine = "\uD83D\uDE00".repeat(9);
    assertTrue(PasswordPolicy.reasonToRefuse(nine, email).isPresent());
    assertTrue(PasswordPolicy.reasonToRefuse(nine + "x", email).isEmpty());
  }

  @Test
  void moreThanTwoHundredCharactersAreRefused() {
    assertTrue(PasswordPolicy.reasonToRefuse("a".repeat(200), email).isEmpty());
    assertTrue(PasswordPolicy.reasonToRefuse("a".repeat(201), email).isPresent());
  }

  @Test
  void theEmailItselfIsRefusedInAnyCase() {
    assertEquals(
        "must not be your email address",
        PasswordPolicy.reasonToRefuse("Ana@Example.org", email).orElseThrow());
  }

  @Test
  void onlySpacesAreRefused() {
    assertTrue(PasswordPolicy.reasonToRefuse(" ".repeat(12), email).isPresent());
  }

  @Test
  void missingPasswordIsRefused() {
    assertTrue(PasswordPolicy.reasonToRefuse(null, email).isPresent());
  }

  @Test
  void refusalNamesThePasswordField() {
    DomainException e =
        assertThrows(DomainException.class, () -> PasswordPolicy.check("short", email));
    assertEquals("invalid-input", e.type());
    assertEquals("password", e.errors().get(0).field());
  }
}
