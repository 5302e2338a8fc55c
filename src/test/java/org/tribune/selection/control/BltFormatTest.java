package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BltFormatTest {

  private static final String SAMPLE =
      """
      4 2
      -2
      # packed ballots
      3 1 3 0
      2 2 4 0   # B is withdrawn but stays on the ballot as cast
      1 3 - 1=4 0

      1 4 0
      0
      "Alice"
      "Bob"
      "Carol # not a comment"
      "Dan"
      "Board election 2024"
      """;

  @Test
  void readsCandidatesSeatsWithdrawnBallotsNamesAndTitle() {
    BallotFile file = BltFormat.parse(SAMPLE);
    assertEquals(List.of("Alice", "Bob", "Carol # not a comment", "Dan"), file.candidates());
    assertEquals(2, file.seats());
    assertEquals(Set.of(1), file.withdrawn());
    assertEquals("Board election 2024", file.title());
    assertEquals(4, file.ballots().size());
    assertEquals(Ballot.of(3, 0, 2), file.ballots().get(0));
    assertEquals(
        new Ballot(1, List.of(List.of(2), List.of(), List.of(0, 3))), file.ballots().get(2));
  }

  @Test
  void writingAndReadingBackGivesTheSameFile() {
    BallotFile file = BltFormat.parse(SAMPLE);
    String written = BltFormat.write(file);
    assertEquals(file, BltFormat.parse(written));
    assertTrue(written.startsWith("4 2\n-2\n3 1 3 0\n"), written);
    assertTrue(written.contains("1 3 - 1=4 0\n"), written);
  }

  @Test
  void sha256IsOfTheExactBytes() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        BltFormat.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aCandidateNumberOutOfRangeIsReportedWithItsLine() {
    BltFormatException e =
        assertThrows(
            BltFormatException.class,
            () -> BltFormat.parse("3 1\n2 1 2 0\n1 4 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n"));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("candidate number 4"), e.getMessage());
  }

  // Comments and blank lines still count as lines, so the number points into the file as written.
  @Test
  void lineNumbersCountCommentsAndBlankLines() {
    BltFormatException e =
        assertThrows(
            BltFormatException.class,
            () -> BltFormat.parse("# election\n3 1\n\n2 1 0 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n"));
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("0 may only end a ballot line"), e.getMessage());
  }

  @Test
  void aBadWeightIsReportedWithItsLine() {
    BltFormatException e =
        assertThrows(
            BltFormatException.class,
            () -> BltFormat.parse("2 1\n1 1 0\nx 2 0\n0\n\"A\"\n\"B\"\n"));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("ballot weight"), e.getMessage());
  }

  @Test
  void aBallotWithoutItsClosingZeroIsRejected() {
    BltFormatException e =
        assertThrows(BltFormatException.class, () -> BltFormat.parse("3 1\n1 1 2\n0\n"));
    assertEquals(2, e.line());
  }

  @Test
  void aBadHeaderIsRejectedOnLineOne() {
    assertEquals(
        1, assertThrows(BltFormatException.class, () -> BltFormat.parse("three 1\n0\n")).line());
  }

  @Test
  void anUnquotedNameIsRejectedWithItsLine() {
    BltFormatException e =
        assertThrows(
            BltFormatException.class, () -> BltFormat.parse("2 1\n1 1 0\n0\n\"A\"\nB\n\"T\"\n"));
    assertEquals(5, e.line());
  }

  @Test
  void aFileThatEndsBeforeTheNamesIsRejected() {
    BltFormatException e =
        assertThrows(BltFormatException.class, () -> BltFormat.parse("2 1\n1 1 0\n0\n\"A\"\n"));
    assertTrue(e.getMessage().contains("name of candidate 2"), e.getMessage());
  }

  @Test
  void aWithdrawnNumberOutOfRangeIsRejected() {
    assertEquals(
        2,
        assertThrows(BltFormatException.class, () -> BltFormat.parse("2 1\n-3\n1 1 0\n0\n"))
            .line());
  }

  @Test
  void contentAfterTheTitleIsRejected() {
    BltFormatException e =
        assertThrows(
            BltFormatException.class,
            () -> BltFormat.parse("2 1\n1 1 0\n0\n\"A\"\n\"B\"\n\"T\"\n\"extra\"\n"));
    assertEquals(7, e.line());
  }
}
