package org.tribune.qa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

class AdmissibilityTest {

  private final Admissibility rules = new Admissibility(100, 3);

  @Test
  void countsQuestionMarksOfBothWidthsOncePerRun() {
    assertEquals(0, Admissibility.subQuestions("A suggestion."));
    assertEquals(3, Admissibility.subQuestions("Why? When?? 为什么？"));
  }

  @Test
  void threeSubQuestionsAreAdmissibleFourAreNot() {
    rules.check("Battery", "Why? When? How?");
    DomainException refused =
        assertThrows(DomainException.class, () -> rules.check("Battery?", "Why? When? How?"));
    assertEquals("inadmissible", refused.type());
    assertEquals(DomainException.Kind.UNPROCESSABLE, refused.kind());
    assertEquals(3, refused.extensions().get("maxSubQuestions"));
  }

  @Test
  void theLengthLimitIsConfigurable() {
    rules.check("Heading", "x".repeat(100));
    DomainException refused =
        assertThrows(DomainException.class, () -> rules.check("Heading", "x".repeat(101)));
    assertEquals("text", refused.errors().get(0).field());
    new Admissibility(200, 3).check("Heading", "x".repeat(101));
  }
}
