package org.tribune.qa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.qa.control.RepeatFinder.Candidate;

class RepeatFinderTest {

  @Test
  void findsAnAnsweredInquiryWithMostOfTheSameWords() {
    List<RepeatFinder.Match> matches =
        RepeatFinder.matches(
            "Battery drains overnight in standby",
            List.of(
                new Candidate(1, "Why does the battery drain overnight in standby?"),
                new Candidate(2, "Camera app crashes on launch")));
    assertEquals(1, matches.size());
    assertEquals(1, matches.get(0).id());
  }

  @Test
  void chineseIsComparedByCharacterPairs() {
    assertTrue(RepeatFinder.tokens("锁屏日程").contains("锁屏"));
    assertEquals(
        1, RepeatFinder.matches("锁屏显示日程", List.of(new Candidate(7, "能否在锁屏显示下一个日程"))).size());
  }

  @Test
  void unrelatedTextMatchesNothing() {
    assertTrue(
        RepeatFinder.matches("Dark mode schedule", List.of(new Candidate(1, "NFC transit card")))
            .isEmpty());
  }
}
