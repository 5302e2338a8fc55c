package org.tribune.selection.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ERS ballot format ({@code .blt}) as OpenSTV and OpaVote read and write it:
 *
 * <pre>
 * 4 2             candidates and seats
 * -3              optional: withdrawn candidates, negated 1-based numbers
 * 3 1 2 0         weight, then candidates by rank (1-based), then 0
 * 1 2 - 4=1 0     "-" skips a rank, "a=b" ranks candidates equal
 * 0               end of ballots
 * "Alice"         one quoted name per candidate, in order
 * "Title"         quoted title
 * </pre>
 *
 * Blank lines and {@code #} comments outside quotes are ignored. Every error names its line,
 * because the files come from other tools and people need to find what to fix. The parser is strict
 * about structure and lenient only where OpenSTV is (blank lines, comments, spacing), so a file
 * that reads here reads there too.
 */
public final class BltFormat {

  private BltFormat() {}

  /** Reads a file from its exact bytes (UTF-8, an optional byte-order mark is skipped). */
  public static BallotFile parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return parse(text);
  }

  public static BallotFile parse(String text) {
    return new Reader(text.split("\r\n|\r|\n", -1)).read();
  }

  /** Writes a file OpenSTV and OpaVote can read; ballots are written as given (packed or not). */
  public static String write(BallotFile file) {
    StringBuilder out = new StringBuilder();
    out.append(file.candidates().size()).append(' ').append(file.seats()).append('\n');
    if (!file.withdrawn().isEmpty()) {
      List<String> minus = file.withdrawn().stream().map(c -> "-" + (c + 1)).toList();
      out.append(String.join(" ", minus)).append('\n');
    }
    for (Ballot ballot : file.ballots()) {
      out.append(ballot.weight());
      for (List<Integer> rank : ballot.ranks()) {
        out.append(' ');
        if (rank.isEmpty()) {
          out.append('-');
        } else {
          out.append(String.join("=", rank.stream().map(c -> String.valueOf(c + 1)).toList()));
        }
      }
      out.append(" 0\n");
    }
    out.append("0\n");
    for (String name : file.candidates()) {
      out.append('"').append(name).append("\"\n");
    }
    out.append('"').append(file.title()).append("\"\n");
    return out.toString();
  }

  /** Lower-case hex SHA-256 of the exact bytes, as published next to the file. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static final class Reader {
    private final String[] lines;
    private int next;
    private int lineNumber;

    Reader(String[] lines) {
      this.lines = lines;
    }

    BallotFile read() {
      String header = nextContent("the first line with the numbers of candidates and seats");
      String[] head = header.trim().split("\\s+");
      if (head.length != 2) {
        throw error("expected \"<candidates> <seats>\" but found \"" + header.trim() + "\"");
      }
      int candidates = (int) number(head[0], "number of candidates", 1, 100_000);
      int seats = (int) number(head[1], "number of seats", 1, 100_000);

      Set<Integer> withdrawn = new LinkedHashSet<>();
      List<Ballot> ballots = new ArrayList<>();
      String line = nextContent("ballots ending with a line \"0\"");
      if (line.trim().startsWith("-")) {
        for (String token : line.trim().split("\\s+")) {
          if (!token.startsWith("-")) {
            throw error("a withdrawn line holds only negative numbers, found \"" + token + "\"");
          }
          int c = (int) number(token.substring(1), "withdrawn candidate", 1, candidates);
          withdrawn.add(c - 1);
        }
        line = nextContent("ballots ending with a line \"0\"");
      }
      while (!line.trim().equals("0")) {
        ballots.add(ballot(line, candidates));
        line = nextContent("ballots ending with a line \"0\"");
      }

      List<String> names = new ArrayList<>();
      for (int i = 1; i <= candidates; i++) {
        names.add(quoted(nextContent("the name of candidate " + i), "name of candidate " + i));
      }
      String title = "";
      String titleLine = nextContentOrNull();
      if (titleLine != null) {
        title = quoted(titleLine, "title");
        if (nextContentOrNull() != null) {
          throw error("unexpected content after the title");
        }
      }
      return new BallotFile(title, names, seats, withdrawn, ballots);
    }

    private Ballot ballot(String line, int candidates) {
      String[] tokens = line.trim().split("\\s+");
      if (tokens[0].startsWith("(")) {
        throw error("ballot ids in parentheses are not supported");
      }
      if (tokens.length < 2 || !tokens[tokens.length - 1].equals("0")) {
        throw error("a ballot line must be \"<weight> <candidates...> 0\"");
      }
      long weight = number(tokens[0], "ballot weight", 1, Long.MAX_VALUE);
      List<List<Integer>> ranks = new ArrayList<>();
      for (int i = 1; i < tokens.length - 1; i++) {
        String token = tokens[i];
        if (token.equals("-")) {
          ranks.add(List.of());
          continue;
        }
        List<Integer> rank = new ArrayList<>();
        for (String part : token.split("=", -1)) {
          if (part.equals("0")) {
            throw error("0 may only end a ballot line");
          }
          rank.add((int) number(part, "candidate number", 1, candidates) - 1);
        }
        ranks.add(rank);
      }
      return new Ballot(weight, ranks);
    }

    private long number(String token, String what, long min, long max) {
      long value;
      try {
        if (!token.matches("\\d+")) {
          throw new NumberFormatException();
        }
        value = Long.parseLong(token);
      } catch (NumberFormatException e) {
        throw error(what + " must be a whole number, found \"" + token + "\"");
      }
      if (value < min || value > max) {
        throw error(what + " " + value + " is outside " + min + ".." + max);
      }
      return value;
    }

    private String quoted(String line, String what) {
      String trimmed = line.trim();
      int last = trimmed.lastIndexOf('"');
      if (!trimmed.startsWith("\"") || last == 0) {
        throw error("the " + what + " must be in double quotes, found \"" + trimmed + "\"");
      }
      String rest = trimmed.substring(last + 1).trim();
      if (!rest.isEmpty() && !rest.startsWith("#")) {
        throw error("unexpected text after the quoted " + what);
      }
      return trimmed.substring(1, last);
    }

    private String nextContent(String expected) {
      String line = nextContentOrNull();
      if (line == null) {
        lineNumber = lines.length;
        throw error("the file ends where " + expected + " was expected");
      }
      return line;
    }

    private String nextContentOrNull() {
      while (next < lines.length) {
        String raw = lines[next++];
        lineNumber = next;
        String content = withoutComment(raw);
        if (!content.isBlank()) {
          return content;
        }
      }
      return null;
    }

    private static String withoutComment(String raw) {
      boolean inQuotes = false;
      for (int i = 0; i < raw.length(); i++) {
        char ch = raw.charAt(i);
        if (ch == '"') {
          inQuotes = !inQuotes;
        } else if (ch == '#' && !inQuotes) {
          return raw.substring(0, i);
        }
      }
      return raw;
    }

    private BltFormatException error(String message) {
      return new BltFormatException(lineNumber, message);
    }
  }
}
