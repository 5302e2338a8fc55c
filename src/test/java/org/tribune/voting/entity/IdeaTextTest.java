package org.tribune.voting.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

class IdeaTextTest {

  @Test
  void titleAndBodyAtTheirLimitsAreAccepted() {
    assertDoesNotThrow(() -> new IdeaText("a".repeat(5), "b".repeat(10)));
    assertDoesNotThrow(() -> new IdeaText("a".repeat(140), "b".repeat(8000)));
  }

  @Test
  void shortOrLongTitleIsRejectedNamingTheTitleField() {
    assertField("title", () -> new IdeaText("a".repeat(4), "a long enough body"));
    assertField("title", () -> new IdeaText("a".repeat(141), "a long enough body"));
    assertField("title", () -> new IdeaText(null, "a long enough body"));
  }

  @Test
  void shortOrLongBodyIsRejectedNamingTheBodyField() {
    assertField("body", () -> new IdeaText("Dark mode", "b".repeat(9)));
    assertField("body", () -> new IdeaText("Dark mode", "b".repeat(8001)));
  }

  @Test
  void spacesDoNotCountTowardsTheMinimum() {
    assertField("title", () -> new IdeaText("  ab        ", "a long enough body"));
    assertEquals("Dark mode", new IdeaText("  Dark mode  ", "a long enough body").title());
  }

  @Test
  void searchTextIsLowerCaseTitleAndBodyWithoutPunctuation() {
    IdeaText text = new IdeaText("Dark Mode, please!", "Ｆｕｌｌ-width text: 深色模式。");
    assertEquals("dark mode please full width text 深色模式", text.searchText());
  }

  private static void assertField(String field, Runnable action) {
    DomainException e = assertThrows(DomainException.class, action::run);
    assertEquals("invalid-input", e.type());
    assertEquals(field, e.errors().get(0).field());
  }
}
