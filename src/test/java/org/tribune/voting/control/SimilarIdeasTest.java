package org.tribune.voting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.voting.control.SimilarIdeas.Candidate;
import org.tribune.voting.control.SimilarIdeas.Match;

class SimilarIdeasTest {

  private final SimilarIdeas similar = new SimilarIdeas();

  private static final List<Candidate> IDEAS =
      List.of(
          new Candidate(
              1, "Dark mode for the settings app", "The settings are too bright at night."),
          new Candidate(
              2, "Battery drains fast overnight", "Standby battery use doubled since 14.0."),
          new Candidate(
              3, "Let me schedule dark themes", "Switch the theme automatically at sunset."),
          new Candidate(
              4, "Bigger icons on the home screen", "Icons are too small on large phones."),
          new Candidate(5, "支持深色模式", "希望系统设置也能使用深色模式，晚上太亮了。"),
          new Candidate(6, "电池续航太短", "升级以后待机耗电明显增加。"),
          new Candidate(7, "Faster photo syncing", "Syncing photos to the cloud takes ages."));

  @Test
  void englishQueryFindsTheIdeaThatSaysTheSame() {
    List<Match> matches = similar.rank("Please add a dark mode to Settings!", IDEAS);
    assertEquals(1, matches.get(0).id());
    assertTrue(ids(matches).contains(3L) || matches.size() == 1);
    assertTrue(!ids(matches).contains(2L) && !ids(matches).contains(4L));
  }

  @Test
  void pluralsAndInflectionsMeet() {
    assertEquals(List.of(2L), ids(similar.rank("batteries draining", IDEAS)));
    assertEquals(7L, similar.rank("sync photo", IDEAS).get(0).id());
  }

  @Test
  void chineseQueryMatchesByCharacterBigrams() {
    List<Match> matches = similar.rank("希望增加深色模式", IDEAS);
    assertEquals(List.of(5L), ids(matches));
    assertEquals(List.of(6L), ids(similar.rank("电池续航", IDEAS)));
  }

  @Test
  void unrelatedTextMatchesNothing() {
    assertEquals(List.of(), similar.rank("Volume buttons should skip songs", IDEAS));
    assertEquals(List.of(), similar.rank("相机对焦很慢", IDEAS));
    assertEquals(List.of(), similar.rank("the and of please", IDEAS));
  }

  @Test
  void oneCommonWordAmongManyIsNotEnough() {
    assertEquals(List.of(), similar.rank("Night shift schedule for the alarm clock widget", IDEAS));
  }

  @Test
  void atMostFiveMatchesBestFirst() {
    List<Candidate> many =
        java.util.stream.LongStream.rangeClosed(1, 9)
            .mapToObj(i -> new Candidate(i, "Dark mode idea number " + i, "dark mode please"))
            .toList();
    List<Match> matches = similar.rank("dark mode", many);
    assertEquals(5, matches.size());
    for (int i = 1; i < matches.size(); i++) {
      assertTrue(matches.get(i - 1).score() >= matches.get(i).score());
    }
  }

  @Test
  void tokensDropStopWordsAndFoldInflections() {
    assertEquals(List.of("dark", "mod", "batteri"), similar.tokens("The dark modes of batteries"));
    assertEquals(List.of("深色", "色模", "模式"), similar.tokens("支持深色模式"));
    assertEquals(List.of("sav", "wifi", "14"), similar.tokens("Saving WiFi, 14"));
  }

  @Test
  void searchFragmentsAreSubstringsOfEveryInflection() {
    List<String> fragments = similar.searchFragments("battery dark");
    assertTrue(fragments.contains("batter"), fragments.toString());
    assertTrue("batteries".contains("batter") && "battery".contains("batter"));
    assertTrue(fragments.size() <= SimilarIdeas.MAX_SEARCH_TOKENS);
    assertTrue(
        similar.searchFragments("a b c 50% _x_").stream()
            .allMatch(f -> !f.contains("%") && !f.contains("_")));
  }

  private static List<Long> ids(List<Match> matches) {
    return matches.stream().map(Match::id).toList();
  }
}
