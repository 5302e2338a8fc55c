package org.tribune.voting.control;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribune.voting.entity.IdeaText;

/**
 * "Is this already here?": finds existing ideas that say what a new title says, before it is
 * submitted, so that votes gather on one idea instead of spreading over five.
 *
 * <p>The algorithm is deliberately small and explainable, and works the same on Derby and
 * PostgreSQL without a full-text engine:
 *
 * <ol>
 *   <li><b>Tokens.</b> Text is normalized like {@code search_text} (NFKC, lower case, punctuation
 *       to spaces). Latin words lose English stop words and a few words every idea uses ("add",
 *       "please", "feature"), and are folded by a crude stemmer (plurals, -ing, -ed, final e, y/i)
 *       so "batteries" meets "battery". Chinese, Japanese and Korean have no spaces, so their runs
 *       become overlapping character bigrams ("深色模式" → 深色, 色模, 模式), split at common function
 *       characters (的, 了, 是 …).
 *   <li><b>Candidates.</b> The database returns at most {@value #MAX_CANDIDATES} visible ideas
 *       whose {@code search_text} contains one of the query's most specific tokens (a LIKE on a
 *       fragment that every inflection of the stem contains).
 *   <li><b>Score.</b> The share of the query's information that a candidate covers: each query
 *       token weighs its inverse document frequency among the candidates, so a rare shared word
 *       counts more than a common one; a token found only in the body counts {@value
 *       #BODY_ONLY_WEIGHT} of one in the title. Three quarters of the score is that coverage, one
 *       quarter the Jaccard overlap of the query with the title, which prefers ideas that are
 *       <i>about</i> the query over long ones that mention it.
 *   <li><b>Threshold.</b> Candidates below {@value #THRESHOLD} are not shown: one shared word out
 *       of four is a coincidence, not a duplicate. The best {@value #MAX_RESULTS} remain.
 * </ol>
 */
public final class SimilarIdeas {

  public static final int MAX_CANDIDATES = 200;
  public static final int MAX_RESULTS = 5;
  public static final int MAX_SEARCH_TOKENS = 6;
  public static final double THRESHOLD = 0.3;
  public static final double BODY_ONLY_WEIGHT = 0.8;

  private static final Set<String> STOP_WORDS =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "else",
          "even",
          "ever",
          "every",
          "few",
          "for",
          "from",
          "further",
          "get",
          "gets",
          "got",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "him",
          "his",
          "how",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "itself",
          "just",
          "let",
          "me",
          "more",
          "most",
          "much",
          "must",
          "my",
          "no",
          "nor",
          "not",
          "now",
          "of",
          "off",
          "on",
          "once",
          "only",
          "or",
          "other",
          "our",
          "ours",
          "out",
          "over",
          "own",
          "same",
          "she",
          "should",
          "so",
          "some",
          "such",
          "than",
          "that",
          "the",
          "their",
          "theirs",
          "them",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "through",
          "to",
          "too",
          "under",
          "until",
          "up",
          "us",
          "very",
          "via",
          "was",
          "way",
          "we",
          "were",
          "what",
          "when",
          "where",
          "which",
          "while",
          "who",
          "whom",
          "why",
          "will",
          "with",
          "would",
          "you",
          "your",
          "yours",
          // Words nearly every idea uses; they say nothing about which idea it is.
          "add",
          "adding",
          "allow",
          "able",
          "feature",
          "features",
          "idea",
          "like",
          "make",
          "need",
          "option",
          "please",
          "support",
          "want",
          "wish");

  /** Function characters that split CJK runs, so bigrams do not straddle them. */
  private static final String CJK_STOP_CHARS = "的了是在和与及或也都就把被让给吗呢吧啊我你他她它们这那个请很还";

  /** Bigrams nearly every Chinese idea uses ("希望增加…功能"). */
  private static final Set<String> CJK_STOP_BIGRAMS =
      Set.of(
          "希望", "增加", "添加", "支持", "可以", "能够", "功能", "一个", "建议", "请求", "问题", "如果", "时候", "没有", "什么",
          "需要", "能否", "是否", "一下");

  /** A visible idea that the candidate query returned. */
  public record Candidate(long id, String title, String body) {}

  /** A candidate that passed the threshold, with its score in [0, 1]. */
  public record Match(long id, double score) {}

  /** The query's tokens, in order, without duplicates. */
  public List<String> tokens(String text) {
    return List.copyOf(new LinkedHashSet<>(tokenize(text)));
  }

  /**
   * The fragments to look for with {@code search_text LIKE '%fragment%'}: the most specific tokens
   * first (CJK bigrams and long words), at most {@value #MAX_SEARCH_TOKENS}. Fragments contain only
   * letters, digits and marks, never a LIKE wildcard.
   */
  public List<String> searchFragments(String query) {
    return tokens(query).stream()
        .sorted(Comparator.comparingInt(SimilarIdeas::specificity).reversed())
        .limit(MAX_SEARCH_TOKENS)
        .map(SimilarIdeas::fragment)
        .distinct()
        .toList();
  }

  /** Scores the candidates against the query and returns the best matches, best first. */
  public List<Match> rank(String query, Collection<Candidate> candidates) {
    Set<String> wanted = new LinkedHashSet<>(tokenize(query));
    if (wanted.isEmpty() || candidates.isEmpty()) {
      return List.of();
    }
    Map<Long, Set<String>> titles = new HashMap<>();
    Map<Long, Set<String>> bodies = new HashMap<>();
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (Candidate c : candidates) {
      Set<String> title = new HashSet<>(tokenize(c.title()));
      Set<String> body = new HashSet<>(tokenize(c.body()));
      titles.put(c.id(), title);
      bodies.put(c.id(), body);
      for (String token : wanted) {
        if (title.contains(token) || body.contains(token)) {
          documentFrequency.merge(token, 1, Integer::sum);
        }
      }
    }
    int n = candidates.size();
    Map<String, Double> idf = new HashMap<>();
    double total = 0;
    for (String token : wanted) {
      double weight = Math.log(1 + (n + 1) / (documentFrequency.getOrDefault(token, 0) + 0.5));
      idf.put(token, weight);
      total += weight;
    }
    List<Match> matches = new ArrayList<>();
    for (Candidate c : candidates) {
      Set<String> title = titles.get(c.id());
      Set<String> body = bodies.get(c.id());
      double covered = 0;
      int inTitle = 0;
      for (String token : wanted) {
        if (title.contains(token)) {
          covered += idf.get(token);
          inTitle++;
        } else if (body.contains(token)) {
          covered += BODY_ONLY_WEIGHT * idf.get(token);
        }
      }
      Set<String> union = new HashSet<>(title);
      union.addAll(wanted);
      double jaccard = union.isEmpty() ? 0 : (double) inTitle / union.size();
      double score = 0.75 * (covered / total) + 0.25 * jaccard;
      if (score >= THRESHOLD) {
        matches.add(new Match(c.id(), score));
      }
    }
    return matches.stream()
        .sorted(
            Comparator.comparingDouble(Match::score)
                .reversed()
                .thenComparing(Comparator.comparingLong(Match::id).reversed()))
        .limit(MAX_RESULTS)
        .toList();
  }

  private static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    for (String word : IdeaText.normalize(text).split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      StringBuilder run = new StringBuilder();
      boolean runIsCjk = false;
      for (int i = 0; i < word.length(); ) {
        int cp = word.codePointAt(i);
        boolean cjk = isCjk(cp);
        if (run.length() > 0 && cjk != runIsCjk) {
          addRun(run.toString(), runIsCjk, tokens);
          run.setLength(0);
        }
        runIsCjk = cjk;
        run.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
      if (run.length() > 0) {
        addRun(run.toString(), runIsCjk, tokens);
      }
    }
    return tokens;
  }

  private static void addRun(String run, boolean cjk, List<String> tokens) {
    if (cjk) {
      addBigrams(run, tokens);
    } else if (run.length() >= 2 && !STOP_WORDS.contains(run)) {
      tokens.add(stem(run));
    }
  }

  /**
   * Cuts the run at function characters and at stop bigrams (so "支持深色" does not leave "持深" behind),
   * then adds each piece's bigrams, or the piece itself when it is one character.
   */
  private static void addBigrams(String run, List<String> tokens) {
    int[] chars = run.codePoints().toArray();
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int i = 0; i < chars.length; i++) {
      boolean stopChar = CJK_STOP_CHARS.indexOf(chars[i]) >= 0;
      boolean stopBigram =
          i + 1 < chars.length && CJK_STOP_BIGRAMS.contains(new String(chars, i, 2));
      if (stopChar || stopBigram) {
        pieces.add(piece.toString());
        piece.setLength(0);
        if (stopBigram) {
          i++;
        }
      } else {
        piece.appendCodePoint(chars[i]);
      }
    }
    pieces.add(piece.toString());
    for (String p : pieces) {
      int[] cps = p.codePoints().toArray();
      if (cps.length == 1) {
        tokens.add(p);
      }
      for (int j = 0; j + 1 < cps.length; j++) {
        tokens.add(new String(cps, j, 2));
      }
    }
  }

  private static boolean isCjk(int codePoint) {
    UnicodeScript script = UnicodeScript.of(codePoint);
    return script == UnicodeScript.HAN
        || script == UnicodeScript.HIRAGANA
        || script == UnicodeScript.KATAKANA
        || script == UnicodeScript.HANGUL;
  }

  /** Crude English folding; only plain ASCII words of four letters or more are touched. */
  static String stem(String word) {
    if (word.length() < 4 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return word;
    }
    String w = word;
    if (w.endsWith("ies") && w.length() > 4) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.endsWith("sses")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("es")
        && endsWithAny(w.substring(0, w.length() - 2), "s", "x", "z", "ch", "sh")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("s") && !endsWithAny(w, "ss", "us", "is")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.endsWith("ing") && w.length() - 3 >= 3) {
      w = undouble(w.substring(0, w.length() - 3));
    } else if (w.endsWith("ed") && w.length() - 2 >= 3) {
      w = undouble(w.substring(0, w.length() - 2));
    }
    if (w.length() > 3 && w.endsWith("y")) {
      w = w.substring(0, w.length() - 1) + "i";
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static boolean endsWithAny(String word, String... endings) {
    for (String ending : endings) {
      if (word.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && "aeioulsz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  /** A substring that the stem's inflected forms all contain ("batteri" → "batter"). */
  private static String fragment(String token) {
    if (token.length() > 3 && token.endsWith("i") && token.chars().allMatch(c -> c < 128)) {
      return token.substring(0, token.length() - 1);
    }
    return token;
  }

  private static int specificity(String token) {
    return isCjk(token.codePointAt(0)) ? 4 : token.length();
  }
}
