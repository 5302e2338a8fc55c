package org.tribune.qa.control;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Was this answered already?": before filing, a delegate is shown inquiries answered in the last
 * six months that share enough of the draft's words (Latin words of three letters or more, and
 * overlapping character pairs for Chinese, Japanese and Korean). The score is the Jaccard overlap
 * of the two token sets; {@value #THRESHOLD} or more is shown, best first.
 */
public final class RepeatFinder {

  public static final double THRESHOLD = 0.25;
  public static final int MAX_RESULTS = 5;

  /** An answered inquiry to compare with. */
  public record Candidate(long id, String text) {}

  public record Match(long id, double score) {}

  private RepeatFinder() {}

  public static List<Match> matches(String draft, List<Candidate> answered) {
    Set<String> query = tokens(draft);
    if (query.isEmpty()) {
      return List.of();
    }
    return answered.stream()
        .map(c -> new Match(c.id(), jaccard(query, tokens(c.text()))))
        .filter(m -> m.score() >= THRESHOLD)
        .sorted(Comparator.comparingDouble(Match::score).reversed())
        .limit(MAX_RESULTS)
        .toList();
  }

  static Set<String> tokens(String text) {
    Set<String> tokens = new HashSet<>();
    if (text == null) {
      return tokens;
    }
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder word = new StringBuilder();
    char previousCjk = 0;
    for (int i = 0; i <= normal.length(); i++) {
      char c = i < normal.length() ? normal.charAt(i) : ' ';
      boolean cjk = Character.isIdeographic(c);
      if (Character.isLetterOrDigit(c) && !cjk) {
        word.append(c);
      } else {
        if (word.length() >= 3) {
          tokens.add(word.toString());
        }
        word.setLength(0);
      }
      if (cjk) {
        if (previousCjk != 0) {
          tokens.add("" + previousCjk + c);
        }
        previousCjk = c;
      } else {
        previousCjk = 0;
      }
    }
    return tokens;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (b.isEmpty()) {
      return 0;
    }
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    Set<String> either = new HashSet<>(a);
    either.addAll(b);
    return (double) both.size() / either.size();
  }
}
