package org.tribune.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribune.platform.entity.DomainException;

class EmailAddressTest {

  @Test
  void caseAndSurroundingSpaceDoNotMakeADifferentAccount() {
    assertEquals(new EmailAddress("ana@example.org"), new EmailAddress("  Ana@EXAMPLE.org "));
  }

  @Test
  void normalisesToLowerCase() {
    assertEquals("ana.li@example.org", EmailAddress.parse("Ana.Li@Example.ORG").value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "ana",
        "@example.org",
        "ana@",
        "ana@example",
        "a@b@example.org",
        "ana li@example.org",
        "ana@example.org."
      })
  void notAnAddressIsAFieldError(String text) {
    DomainException e = assertThrows(DomainException.class, () -> EmailAddress.parse(text));
    assertEquals("email", e.errors().get(0).field());
  }

  @Test
  void overlongAddressesAreRefused() {
    String local = "a".repeat(250);
    assertThrows(DomainException.class, () -> EmailAddress.parse(local + "@example.org"));
  }
}
