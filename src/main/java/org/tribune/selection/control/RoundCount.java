package org.tribune.selection.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts a closed election and lays out what is published: the anonymised ballots as {@code .blt}
 * (one line of weight 1 per ballot, in receipt order, so that a line's place says nothing about
 * when it was cast), its SHA-256, the Meek STV result with OpaVote's options and the round's seed,
 * and the receipt list that tells each voter which line is theirs.
 *
 * <p>Counting is a pure function of the stored ballots, candidates and seed, so the publication is
 * rebuilt from the database whenever it is needed and checked against the SHA-256 recorded at the
 * count; nothing large is stored twice.
 */
public final class RoundCount {

  /** A candidate in ballot-position order (position = index + 1). */
  public record Candidate(String name, boolean withdrawn) {}

  /** A ballot as stored. */
  public record StoredBallot(String ranking, String receipt) {}

  /**
   * Which line of the {@code .blt} carries the ballot with this receipt (1-based among ballots).
   */
  public record ReceiptLine(String receipt, int line, String ranking) {}

  public record Publication(
      String blt, String sha256, ElectionResult result, List<ReceiptLine> receipts) {}

  private RoundCount() {}

  public static Publication count(
      String title, int seats, List<Candidate> candidates, List<StoredBallot> stored, String seed) {
    return count(title, seats, candidates, stored, seed, null);
  }

  /**
   * As above; with {@code constraints} (not null) the count enforces quotas on the seats ({@link
   * MeekStv#count(BallotFile, CountOptions, SeatConstraints)}), whose candidate indexes are ballot
   * positions − 1.
   */
  public static Publication count(
      String title,
      int seats,
      List<Candidate> candidates,
      List<StoredBallot> stored,
      String seed,
      SeatConstraints constraints) {
    List<StoredBallot> ordered = new ArrayList<>(stored);
    ordered.sort(Comparator.comparing(StoredBallot::receipt));
    List<Ballot> ballots = new ArrayList<>();
    List<ReceiptLine> receipts = new ArrayList<>();
    for (StoredBallot ballot : ordered) {
      List<Integer> positions = BallotReceipt.parseRanking(ballot.ranking());
      ballots.add(Ballot.of(1, positions.stream().mapToInt(p -> p - 1).toArray()));
      receipts.add(new ReceiptLine(ballot.receipt(), receipts.size() + 1, ballot.ranking()));
    }
    Set<Integer> withdrawn = new TreeSet<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      names.add(bltName(candidates.get(i).name()));
      if (candidates.get(i).withdrawn()) {
        withdrawn.add(i);
      }
    }
    BallotFile file = new BallotFile(bltName(title), names, seats, withdrawn, ballots);
    String blt = BltFormat.write(file);
    String sha = BltFormat.sha256(blt.getBytes(StandardCharsets.UTF_8));
    ElectionResult result =
        constraints == null
            ? MeekStv.count(file, CountOptions.opaVote(seed))
            : MeekStv.count(file, CountOptions.opaVote(seed), constraints);
    return new Publication(blt, sha, result, receipts);
  }

  /** A name as it can stand between the quotes of a {@code .blt} line. */
  static String bltName(String name) {
    return name.replace('"', '\'').replaceAll("[\\r\\n]", " ");
  }
}
