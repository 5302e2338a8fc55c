package org.tribune.selection.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * What a count publishes. For a round counted per member type, {@code byType} holds one count per
   * type (in the round's order) and {@code result} is the first of them; otherwise {@code byType}
   * is empty.
   */
  public record Publication(
      String blt,
      String sha256,
      ElectionResult result,
      List<ReceiptLine> receipts,
      Map<String, ElectionResult> byType) {

    public Publication(
        String blt, String sha256, ElectionResult result, List<ReceiptLine> receipts) {
      this(blt, sha256, result, receipts, Map.of());
    }

    public Publication {
      byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    /** The winners, by type in the round's order when counted per type. */
    public List<Integer> winners() {
      if (byType.isEmpty()) {
        return result.winners();
      }
      List<Integer> all = new ArrayList<>();
      byType.values().forEach(r -> all.addAll(r.winners()));
      return all;
    }
  }

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
    Layout layout = layout(title, seats, candidates, stored);
    BallotFile file = layout.file();
    String blt = layout.blt();
    String sha = layout.sha256();
    List<ReceiptLine> receipts = layout.receipts();
    ElectionResult result =
        constraints == null
            ? MeekStv.count(file, CountOptions.opaVote(seed))
            : MeekStv.count(file, CountOptions.opaVote(seed), constraints);
    return new Publication(blt, sha, result, receipts);
  }

  /**
   * STV within each member type: the same ballots counted once per type, each count with the
   * candidates of the other types withdrawn (struck from every ballot) and the type's seats. The
   * published {@code .blt} is the whole file; a type's count is that file with a withdrawn line for
   * the other types' candidates and the type's seats. A type with fewer than two candidates
   * standing elects the one standing (if any) without a count.
   *
   * @param types each candidate's member type, by position − 1
   * @param seatsByType the seats of each type, in the round's order
   */
  public static Publication countByType(
      String title,
      Map<String, Integer> seatsByType,
      List<Candidate> candidates,
      List<String> types,
      List<StoredBallot> stored,
      String seed) {
    int seats = seatsByType.values().stream().mapToInt(Integer::intValue).sum();
    Layout whole = layout(title, seats, candidates, stored);
    BallotFile file = whole.file();
    Map<String, ElectionResult> byType = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> type : seatsByType.entrySet()) {
      Set<Integer> withdrawn = new TreeSet<>(file.withdrawn());
      for (int i = 0; i < candidates.size(); i++) {
        if (!type.getKey().equals(types.get(i))) {
          withdrawn.add(i);
        }
      }
      BallotFile typed =
          new BallotFile(
              file.title() + " (" + type.getKey() + ")",
              file.candidates(),
              type.getValue(),
              withdrawn,
              file.ballots());
      List<Integer> standing = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        if (!withdrawn.contains(i)) {
          standing.add(i);
        }
      }
      CountOptions options = CountOptions.opaVote(seed + ":" + type.getKey());
      ElectionResult result;
      if (standing.size() < 2) {
        result =
            new ElectionResult(
                typed.title(),
                typed.seats(),
                typed.candidates(),
                List.copyOf(withdrawn),
                0,
                options,
                type.getValue() > 0 ? standing : List.of(),
                List.of(),
                List.of());
      } else {
        try {
          result = MeekStv.count(typed, options);
        } catch (org.tribune.platform.entity.DomainException e) {
          throw e.with("memberType", type.getKey());
        }
      }
      byType.put(type.getKey(), result);
    }
    return new Publication(
        whole.blt(), whole.sha256(), byType.values().iterator().next(), whole.receipts(), byType);
  }

  private record Layout(BallotFile file, String blt, String sha256, List<ReceiptLine> receipts) {}

  private static Layout layout(
      String title, int seats, List<Candidate> candidates, List<StoredBallot> stored) {
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
    return new Layout(file, blt, sha, receipts);
  }

  /** A name as it can stand between the quotes of a {@code .blt} line. */
  static String bltName(String name) {
    return name.replace('"', '\'').replaceAll("[\\r\\n]", " ");
  }
}
