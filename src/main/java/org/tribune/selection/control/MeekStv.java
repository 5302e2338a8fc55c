package org.tribune.selection.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tribune.platform.entity.DomainException;

/**
 * Meek STV as OpenSTV's {@code MeekSTV} counts it, which is what OpaVote runs for Stack Exchange
 * moderator elections (Hill's 2006 revision of Hill, Wichmann and Woodall's Algorithm 123). The aim
 * is agreement to the last unit in every round, so every rounding is stated here.
 *
 * <p><b>Numbers.</b> Votes, keep factors, thresholds and surpluses are {@code long} integers in
 * units of 10^-precision ({@code p} = 10^precision units make one vote; precision 6 by default).
 * Nothing is ever a {@code double}.
 *
 * <p><b>Ballots.</b> Withdrawn candidates are struck from every ballot before counting; so are
 * skipped ranks, ranks with several candidates (equal rankings) and repeats of a candidate already
 * ranked higher. Ballots left empty are not counted at all and do not enter the number of valid
 * ballots {@code N}.
 *
 * <p><b>Distributing a ballot (each round).</b> Ballots are grouped in a tree by the sequence of
 * their candidates still standing (elected or hopeful; eliminated ones are skipped) up to and
 * including the first hopeful one. Each node holds the total weight {@code n} of the ballots
 * through it. Walking down from the root with a remainder {@code r = p}, a node of candidate {@code
 * c} gives {@code c} the amount {@code floor(r * kf(c) * n / p)} and passes {@code floor(r * (p -
 * kf(c)) / p)} to its children. Both are truncated, and the truncation happens per node (for the
 * node's whole weight), not per ballot: that grouping is OpenSTV's and changes the last digit.
 *
 * <p><b>Exhausted.</b> {@code exhausted = N * p - sum(votes)}: it takes both the ballots that run
 * out and every unit lost to truncation, so votes plus exhausted is always exactly {@code N * p}.
 *
 * <p><b>Threshold.</b> Droop: {@code floor(T / (seats + 1)) + 1 unit}; Hare: {@code floor(T /
 * seats) + 1 unit}, where {@code T = N * p - exhausted} (dynamic, recomputed every round) or {@code
 * N * p} (static). The whole-vote variant is {@code floor(T / divisor / p) * p + p}. A hopeful
 * candidate with votes {@code >=} threshold is elected.
 *
 * <p><b>Surplus.</b> The sum over elected and hopeful candidates of {@code votes - threshold} where
 * positive.
 *
 * <p><b>Keep factors.</b> Start at {@code p} (1). In a surplus round every candidate whose votes
 * exceeded the threshold in the previous round gets {@code kf' = ceil(kf * threshold / votes)},
 * rounded <i>up</i> so that rounding never pushes an elected candidate below the threshold.
 * Eliminated candidates show a keep factor of 0.
 *
 * <p><b>One round is one Meek iteration.</b> After each round: the count is over when the seats are
 * filled or no more than {@code seats} candidates remain standing. Otherwise the next round
 * transfers surplus (updates keep factors) unless (a) the surplus is below the surplus limit
 * (default one unit), (b) there are sure losers (then they are eliminated first), or (c) the keep
 * factors did not change from the round before (stuck within the precision: the lowest candidate is
 * eliminated).
 *
 * <p><b>Sure losers (batch elimination).</b> Sort hopefuls by votes, group equal votes. Going up
 * group by group, keep a running total starting at the surplus and adding each group's votes; the
 * candidates up to a group are sure losers if that total is below the next group's votes and
 * removing them still leaves at least {@code seats} standing. The largest such set is taken. If all
 * hopefuls have no votes and there is no surplus, all of them are sure losers. The first
 * elimination round with no surplus also takes the lowest candidate when the sure losers have no
 * votes at all.
 *
 * <p><b>Ties.</b> A tie for lowest is broken by earlier rounds: backward (the most recent earlier
 * round where the tied candidates differ; the lowest there is chosen, repeating on those still
 * tied), forward (from round 1), or not at all; what remains tied is a strong tie broken by the
 * {@link SeededDraw} from the published seed among the tied candidates in file order. Every break
 * is recorded.
 *
 * <p><b>End.</b> If seats remain when the count stops, hopefuls with no votes are not elected and
 * the others are elected in order of their final votes (file order on equal votes). Candidates
 * elected in the same round are ordered the same way.
 */
public final class MeekStv {

  private final BallotFile file;
  private final CountOptions options;
  private final long p;
  private final int candidates;
  private final CandidateStatus[] status;
  private final List<int[]> ballots = new ArrayList<>();
  private final List<Long> weights = new ArrayList<>();
  private long validBallots;

  private final List<long[]> votes = new ArrayList<>();
  private final List<long[]> keep = new ArrayList<>();
  private final List<Long> threshold = new ArrayList<>();
  private final List<Long> surplus = new ArrayList<>();
  private final List<Long> exhausted = new ArrayList<>();
  private final List<ElectionResult.Round> rounds = new ArrayList<>();
  private final List<TieBreak> tieBreaks = new ArrayList<>();
  private final List<Integer> winners = new ArrayList<>();
  private final SeededDraw draw;
  private boolean firstElimination = true;
  private Node tree;
  private String treeShape = "";

  private MeekStv(BallotFile file, CountOptions options) {
    this.file = file;
    this.options = options;
    this.p = options.unit();
    this.candidates = file.candidates().size();
    this.status = new CandidateStatus[candidates];
    this.draw = new SeededDraw(options.seed());
    for (int c = 0; c < candidates; c++) {
      status[c] =
          file.withdrawn().contains(c) ? CandidateStatus.WITHDRAWN : CandidateStatus.HOPEFUL;
    }
    for (Ballot ballot : file.ballots()) {
      int[] clean = clean(ballot);
      if (clean.length > 0 && ballot.weight() > 0) {
        ballots.add(clean);
        weights.add(ballot.weight());
        validBallots = Math.addExact(validBallots, ballot.weight());
      }
    }
  }

  /** Counts the ballot file; throws a {@link DomainException} if it cannot be counted. */
  public static ElectionResult count(BallotFile file, CountOptions options) {
    return new MeekStv(file, options).run();
  }

  private int[] clean(Ballot ballot) {
    boolean[] seen = new boolean[candidates];
    int[] out = new int[ballot.ranks().size()];
    int size = 0;
    for (List<Integer> rank : ballot.ranks()) {
      if (rank.size() != 1) {
        continue;
      }
      int c = rank.get(0);
      if (status[c] == CandidateStatus.WITHDRAWN || seen[c]) {
        continue;
      }
      seen[c] = true;
      out[size++] = c;
    }
    return Arrays.copyOf(out, size);
  }

  private ElectionResult run() {
    checkCountable();
    int r = 0;
    long[] kf = new long[candidates];
    for (int c = 0; c < candidates; c++) {
      kf[c] = status[c] == CandidateStatus.WITHDRAWN ? 0 : p;
    }
    keep.add(kf);
    finishRound(r, new RoundAction.FirstCount(), new StringBuilder("Count of first choices. "));
    while (!over()) {
      r++;
      if (surplusToTransfer(r)) {
        transferSurplus(r);
      } else {
        eliminate(r);
      }
    }
    settleRemaining(r);
    return new ElectionResult(
        file.title(),
        file.seats(),
        file.candidates(),
        List.copyOf(file.withdrawn()),
        validBallots,
        options,
        winners,
        rounds,
        tieBreaks);
  }

  private void checkCountable() {
    long standing = Arrays.stream(status).filter(s -> s == CandidateStatus.HOPEFUL).count();
    if (standing < 2 || standing <= file.seats()) {
      throw DomainException.unprocessable(
          "stv-too-few-candidates",
          "Not enough candidates",
          "need at least " + Math.max(2, file.seats() + 1) + " candidates, have " + standing);
    }
    if (validBallots <= file.seats()) {
      throw DomainException.unprocessable(
          "stv-too-few-ballots",
          "Not enough ballots",
          "need at least " + (file.seats() + 1) + " valid ballots, have " + validBallots);
    }
  }

  private void transferSurplus(int r) {
    long[] previous = keep.get(r - 1);
    long[] kf = new long[candidates];
    long[] before = votes.get(r - 1);
    long thresh = threshold.get(r - 1);
    List<Integer> lowered = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      if (!standing(c)) {
        continue;
      }
      kf[c] = previous[c];
      if (before[c] > thresh) {
        kf[c] = ceilDiv(mul(previous[c], thresh), before[c]);
        lowered.add(c);
        shown.add(file.candidates().get(c) + ", " + FixedPoint.format(kf[c], options.precision()));
      }
    }
    keep.add(kf);
    StringBuilder msg = new StringBuilder("Count after transferring surplus votes. ");
    if (!winners.isEmpty()) {
      msg.append("Keep factors of candidates who have exceeded the threshold: ")
          .append(joinList(shown))
          .append(". ");
    }
    finishRound(r, new RoundAction.SurplusTransfer(lowered), msg);
  }

  private void eliminate(int r) {
    List<Integer> out;
    RoundAction.Reason reason;
    StringBuilder why = new StringBuilder();
    TieBreak tie = null;
    if (stable(r)) {
      tie = weakTie(r - 1, hopefuls(), "candidates to eliminate", why);
      out = new ArrayList<>(List.of(tie == null ? lowest(r - 1) : tie.chosen()));
      why.insert(0, "Candidates tied within precision of computations. ");
      reason = RoundAction.Reason.STABLE_KEEP_FACTORS;
    } else {
      out = new ArrayList<>();
      reason = RoundAction.Reason.SURE_LOSERS;
      if (firstElimination) {
        out = sureLosers(r - 1);
        why.append("All losing candidates are eliminated. ");
        if (surplus.get(r - 1) == 0) {
          List<Integer> rest = new ArrayList<>(hopefuls());
          rest.removeAll(out);
          long outVotes = out.stream().mapToLong(c -> votes.get(r - 1)[c]).sum();
          if (rest.size() + winners.size() > file.seats() && outVotes == 0) {
            tie = weakTie(r - 1, rest, "candidates to eliminate", why);
            out.add(tie == null ? lowestOf(r - 1, rest) : tie.chosen());
            reason =
                out.size() == 1
                    ? RoundAction.Reason.LOWEST
                    : RoundAction.Reason.ZERO_VOTES_AND_LOWEST;
          }
        }
      }
      if (!firstElimination || out.isEmpty()) {
        why.setLength(0);
        why.append("All losing candidates are eliminated. ");
        out = sureLosers(r - 1);
        reason = RoundAction.Reason.SURE_LOSERS;
        if (out.isEmpty()) {
          tie = weakTie(r - 1, hopefuls(), "candidates to eliminate", why);
          out = new ArrayList<>(List.of(tie == null ? lowest(r - 1) : tie.chosen()));
          reason = RoundAction.Reason.LOWEST;
        }
      }
    }
    firstElimination = false;
    out.sort(Comparator.naturalOrder());
    for (int c : out) {
      status[c] = CandidateStatus.ELIMINATED;
    }
    long[] kf = new long[candidates];
    for (int c = 0; c < candidates; c++) {
      kf[c] = standing(c) ? keep.get(r - 1)[c] : 0;
    }
    keep.add(kf);
    StringBuilder msg =
        new StringBuilder("Count after eliminating ")
            .append(joinList(out.stream().map(file.candidates()::get).toList()))
            .append(" and transferring votes. ")
            .append(why);
    finishRound(r, new RoundAction.Elimination(out, reason, Optional.ofNullable(tie)), msg, out);
  }

  private void finishRound(int r, RoundAction action, StringBuilder msg) {
    finishRound(r, action, msg, List.of());
  }

  /** Counts the votes of round {@code r} with its keep factors, then elects who reached quota. */
  private void finishRound(
      int r, RoundAction action, StringBuilder msg, List<Integer> eliminatedNow) {
    long[] count = tally(keep.get(r));
    votes.add(count);
    long total = Arrays.stream(count).sum();
    long lost = mul(validBallots, p) - total;
    exhausted.add(lost);
    threshold.add(threshold(lost));
    long thresh = threshold.get(r);
    long over = 0;
    for (int c = 0; c < candidates; c++) {
      if (standing(c) && count[c] > thresh) {
        over += count[c] - thresh;
      }
    }
    surplus.add(over);
    List<Integer> electedNow = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      if (status[c] == CandidateStatus.HOPEFUL && count[c] >= thresh) {
        electedNow.add(c);
      }
    }
    if (!electedNow.isEmpty()) {
      msg.append(electedNow.size() == 1 ? "Candidate " : "Candidates ")
          .append(joinList(electedNow.stream().map(file.candidates()::get).toList()))
          .append(
              electedNow.size() == 1
                  ? " has reached the threshold and is elected. "
                  : " have reached the threshold and are elected. ");
    }
    elect(electedNow, count);
    rounds.add(
        new ElectionResult.Round(
            r + 1,
            action,
            boxed(count),
            boxed(keep.get(r)),
            List.of(status),
            thresh,
            over,
            lost,
            electedNow,
            eliminatedNow,
            msg.toString()));
  }

  private void elect(List<Integer> elected, long[] count) {
    elected.sort(Comparator.<Integer>comparingLong(c -> -count[c]).thenComparing(c -> c));
    for (int c : elected) {
      status[c] = CandidateStatus.ELECTED;
      winners.add(c);
    }
  }

  /** When the count stops with seats left, the remaining hopefuls take them (OpenSTV's rule). */
  private void settleRemaining(int r) {
    long[] count = votes.get(r);
    List<Integer> eliminatedNow = new ArrayList<>();
    List<Integer> electedNow = new ArrayList<>();
    StringBuilder msg = new StringBuilder(rounds.get(r).message());
    if (winners.size() == file.seats()) {
      eliminatedNow.addAll(hopefuls());
    } else {
      for (int c : hopefuls()) {
        if (count[c] == 0) {
          eliminatedNow.add(c);
          status[c] = CandidateStatus.ELIMINATED;
        }
      }
      if (hopefuls().size() + winners.size() > file.seats()) {
        TieBreak tie = weakTie(r, hopefuls(), "winners", msg);
        int c = tie == null ? lowest(r) : tie.chosen();
        eliminatedNow.add(c);
        status[c] = CandidateStatus.ELIMINATED;
      }
      electedNow.addAll(hopefuls());
      if (!electedNow.isEmpty()) {
        msg.append(electedNow.size() == 1 ? "Candidate " : "Candidates ")
            .append(joinList(electedNow.stream().map(file.candidates()::get).toList()))
            .append(electedNow.size() == 1 ? " is elected. " : " are elected. ");
      }
      elect(electedNow, count);
    }
    for (int c : eliminatedNow) {
      status[c] = CandidateStatus.ELIMINATED;
    }
    ElectionResult.Round last = rounds.get(r);
    List<Integer> eliminated = new ArrayList<>(last.eliminated());
    eliminated.addAll(eliminatedNow);
    List<Integer> elected = new ArrayList<>(last.elected());
    elected.addAll(electedNow);
    rounds.set(
        r,
        new ElectionResult.Round(
            last.number(),
            last.action(),
            last.votes(),
            last.keepFactors(),
            List.of(status),
            last.threshold(),
            last.surplus(),
            last.exhausted(),
            elected,
            eliminated,
            msg.toString()));
  }

  private boolean over() {
    return winners.size() == file.seats() || hopefuls().size() + winners.size() <= file.seats();
  }

  private boolean surplusToTransfer(int r) {
    return surplus.get(r - 1) >= options.surplusLimit()
        && sureLosers(r - 1).isEmpty()
        && !stable(r);
  }

  /** The keep factors did not move in the last round: more iterations cannot change anything. */
  private boolean stable(int r) {
    return r > 1 && Arrays.equals(keep.get(r - 1), keep.get(r - 2));
  }

  private List<Integer> sureLosers(int r) {
    long[] count = votes.get(r);
    List<Integer> hopeful = hopefuls();
    int maxLosers = hopeful.size() + winners.size() - file.seats();
    long hopefulVotes = hopeful.stream().mapToLong(c -> count[c]).sum();
    if (hopefulVotes == 0 && surplus.get(r) == 0) {
      return new ArrayList<>(hopeful);
    }
    List<Integer> sorted = new ArrayList<>(hopeful);
    sorted.sort(Comparator.<Integer>comparingLong(c -> count[c]).thenComparing(c -> c));
    List<Integer> losers = new ArrayList<>();
    long running = surplus.get(r);
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j < sorted.size() && count[sorted.get(j)] == count[sorted.get(i)]) {
        j++;
      }
      if (j == sorted.size()) {
        break;
      }
      running += (j - i) * count[sorted.get(i)];
      if (running < count[sorted.get(j)] && j <= maxLosers) {
        losers = new ArrayList<>(sorted.subList(0, j));
      }
      i = j;
    }
    return losers;
  }

  /**
   * Breaks a tie for fewest votes at round {@code r} (0-based) among {@code among}; returns null
   * when there is no tie. Appends OpenSTV's wording to {@code msg}.
   */
  private TieBreak weakTie(int r, Collection<Integer> among, String purpose, StringBuilder msg) {
    List<Integer> tied = fewest(among, votes.get(r));
    if (tied.size() == 1) {
      return null;
    }
    List<Integer> all = List.copyOf(tied);
    msg.append("Candidates ")
        .append(joinList(all.stream().map(file.candidates()::get).toList()))
        .append(" were tied when choosing ")
        .append(purpose)
        .append(". ");
    if (options.weakTieBreak() != CountOptions.WeakTieBreak.RANDOM) {
      boolean backward = options.weakTieBreak() == CountOptions.WeakTieBreak.BACKWARD;
      for (int k = 0; k < r; k++) {
        int earlier = backward ? r - 1 - k : k;
        tied = fewest(tied, votes.get(earlier));
        if (tied.size() == 1) {
          int chosen = tied.get(0);
          msg.append("Candidate ")
              .append(file.candidates().get(chosen))
              .append(" was chosen by breaking the tie at round ")
              .append(earlier + 1)
              .append(". ");
          return record(
              new TieBreak(
                  r + 1, purpose, all, chosen, TieBreak.Resolution.EARLIER_ROUND, earlier + 1));
        }
      }
    }
    long block = draw.used();
    int chosen = tied.get(draw.below(tied.size()));
    msg.append("Candidate ")
        .append(file.candidates().get(chosen))
        .append(" was chosen by breaking the tie randomly. ");
    return record(
        new TieBreak(r + 1, purpose, tied, chosen, TieBreak.Resolution.SEEDED_DRAW, block));
  }

  private TieBreak record(TieBreak tie) {
    tieBreaks.add(tie);
    return tie;
  }

  private static List<Integer> fewest(Collection<Integer> among, long[] count) {
    long min = among.stream().mapToLong(c -> count[c]).min().orElseThrow();
    return among.stream().filter(c -> count[c] == min).sorted().toList();
  }

  private int lowest(int r) {
    return lowestOf(r, hopefuls());
  }

  private int lowestOf(int r, Collection<Integer> among) {
    return fewest(among, votes.get(r)).get(0);
  }

  private long threshold(long lost) {
    long divisor =
        options.thresholdFormula() == CountOptions.ThresholdFormula.DROOP
            ? file.seats() + 1
            : file.seats();
    long total = mul(validBallots, p) - (options.dynamicThreshold() ? lost : 0);
    return options.fractionalThreshold() ? total / divisor + 1 : total / divisor / p * p + p;
  }

  private long[] tally(long[] kf) {
    String shape = Arrays.toString(status);
    if (!shape.equals(treeShape)) {
      tree = buildTree();
      treeShape = shape;
    }
    long[] count = new long[candidates];
    distribute(tree, p, kf, count);
    return count;
  }

  private void distribute(Node node, long remainder, long[] kf, long[] count) {
    for (Node child : node.children) {
      int c = child.candidate;
      count[c] += mulDiv(mul(remainder, kf[c]), child.weight, p);
      long passOn = mul(remainder, p - kf[c]) / p;
      if (passOn > 0 && !child.children.isEmpty()) {
        distribute(child, passOn, kf, count);
      }
    }
  }

  private Node buildTree() {
    Node root = new Node(-1, candidates);
    for (int b = 0; b < ballots.size(); b++) {
      int[] ranking = ballots.get(b);
      long weight = weights.get(b);
      Node node = root;
      for (int c : ranking) {
        if (!standing(c)) {
          continue;
        }
        node = node.child(c, candidates);
        node.weight += weight;
        if (status[c] == CandidateStatus.HOPEFUL) {
          break;
        }
      }
    }
    return root;
  }

  /** A group of ballots sharing the same standing candidates down to this one. */
  private static final class Node {
    final int candidate;
    long weight;
    final List<Node> children = new ArrayList<>();
    Node[] byCandidate;

    Node(int candidate, int candidates) {
      this.candidate = candidate;
    }

    Node child(int c, int candidates) {
      if (byCandidate == null) {
        byCandidate = new Node[candidates];
      }
      if (byCandidate[c] == null) {
        byCandidate[c] = new Node(c, candidates);
        children.add(byCandidate[c]);
      }
      return byCandidate[c];
    }
  }

  private boolean standing(int c) {
    return status[c] == CandidateStatus.HOPEFUL || status[c] == CandidateStatus.ELECTED;
  }

  private List<Integer> hopefuls() {
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      if (status[c] == CandidateStatus.HOPEFUL) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<Long> boxed(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static String joinList(List<String> names) {
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  private static long mul(long a, long b) {
    return Math.multiplyExact(a, b);
  }

  private static long ceilDiv(long a, long b) {
    return Math.floorDiv(a, b) + (Math.floorMod(a, b) == 0 ? 0 : 1);
  }

  /** {@code floor(a * b / c)} for non-negative values, exact even when {@code a * b} overflows. */
  private static long mulDiv(long a, long b, long c) {
    long high = Math.multiplyHigh(a, b);
    if (high == 0 && a * b >= 0) {
      return a * b / c;
    }
    return BigInteger.valueOf(a)
        .multiply(BigInteger.valueOf(b))
        .divide(BigInteger.valueOf(c))
        .longValueExact();
  }
}
