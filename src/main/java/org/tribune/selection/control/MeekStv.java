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
 * Meek STV as OpenSTV 1.7 counts it ({@code MethodPlugins/MeekSTV.py} on {@code STV.py}'s {@code
 * RecursiveSTV}, revision 822 of November 2010), the code OpaVote grew out of and runs for Stack
 * Exchange moderator elections, with OpaVote's option names. The aim is agreement to the last unit
 * in every round, so every rounding and every choice is stated here with where it comes from.
 * "OpenSTV" below means that source; "OpaVote JSON" means OpaVote's published report format (as
 * documented by the rcvformats project's {@code opavote.schema.json} and OpaVote sample reports).
 *
 * <p><b>Numbers.</b> Votes, keep factors, thresholds and surpluses are {@code long} integers in
 * units of 10^-precision ({@code p} = 10^precision units make one vote; precision 6 by default, as
 * OpenSTV's {@code RecursiveSTV.prec = 6}). Every division truncates (Python 2 integer division in
 * OpenSTV) except the keep factor, which rounds up. Nothing is ever a {@code double}.
 *
 * <p><b>Ballots</b> (OpenSTV {@code Ballots.getCleanBallots}: withdrawn removed, empty ballots
 * removed, overvotes "Cambridge", duplicates removed). Withdrawn candidates are struck from every
 * ballot before counting; so are skipped ranks ({@code -}), ranks holding several candidates (equal
 * rankings are skipped, the ballot goes on to its next rank) and repeats of a candidate ranked
 * higher. Ballots left empty are not counted and do not enter {@code N}, the number of valid
 * ballots ({@code numBallots} of the cleaned file).
 *
 * <p><b>Distributing the ballots</b> ({@code RecursiveSTV.addBallotToTree}, {@code
 * MeekSTV.updateCount}). Ballots are grouped in a tree by the sequence of their candidates still
 * standing (elected or hopeful; eliminated ones are skipped) up to and including the first hopeful
 * one. Each node holds the total weight {@code n} of the ballots through it. Walking down from the
 * root with a remainder {@code r = p}, the node of candidate {@code c} gives {@code c} the amount
 * {@code floor(r * kf(c) * n / p)} and passes {@code floor(r * (p - kf(c)) / p)} on to its
 * children, only while that is above 0. The truncation is per node (for the node's whole weight),
 * not per ballot: that grouping is OpenSTV's and changes the last digit.
 *
 * <p><b>Exhausted</b> ({@code STV.updateExhaustedVotes}): {@code N * p - sum(votes)}. It takes both
 * the ballots that ran out and every unit lost to truncation, so votes plus exhausted is always
 * exactly {@code N * p}.
 *
 * <p><b>Threshold</b> ({@code STV.updateThresh}). Droop divides by {@code seats + 1}, Hare by
 * {@code seats}. The numerator is {@code N * p - exhausted} (Dynamic, recomputed every round from
 * that round's count) or {@code N * p} (Static). Fractional: {@code floor(num / den) + 1} unit;
 * Whole: {@code floor(num / den / p) * p + p}. A hopeful with votes {@code >=} the threshold is
 * elected ({@code STV.updateWinners}).
 *
 * <p><b>Surplus</b> ({@code STV.updateSurplus}): the sum over elected and hopeful candidates of
 * {@code votes - threshold} where positive.
 *
 * <p><b>Keep factors</b> ({@code RecursiveSTV.updateKeepFactors}). Start at {@code p}. In a surplus
 * round every standing candidate whose votes exceeded the threshold in the round before gets {@code
 * kf' = ceil(kf * threshold / votes)} (divmod, plus one if there is a remainder): rounded up, so
 * rounding never pushes an elected candidate below the threshold. Others keep theirs; eliminated
 * and withdrawn candidates show 0.
 *
 * <p><b>Rounds</b> ({@code STV.countBallots}, {@code RecursiveSTV.isSurplusToTransfer}). One round
 * is one Meek iteration; there is no inner loop to convergence. After each round the count is over
 * when the seats are filled or no more than {@code seats} candidates stand ({@code stopCond =
 * ["Know Winners", "N"]}). Otherwise the next round transfers surplus (updates keep factors) unless
 * (a) the surplus is below the surplus limit (one unit, {@code surplusLimit = 1}), (b) there are
 * sure losers ({@code delayedTransfer = "On"}: they are eliminated first), or (c) the keep factors
 * are the same as in the round before ({@code inInfiniteLoop}: stuck within the precision; the
 * lowest candidate is eliminated, "Candidates tied within precision of computations.").
 *
 * <p><b>Sure losers</b> ({@code STV.getSureLosers}, {@code batchElimination = "Losers"}). Sort
 * hopefuls by votes and group equal votes. Going up group by group, keep a running total starting
 * at the surplus and adding each group's votes; the candidates up to a group are sure losers if
 * that total is below the next group's votes and removing them still leaves at least {@code seats}
 * standing. The largest such set is taken. If all hopefuls have no votes and there is no surplus,
 * all of them are sure losers. In the first elimination round only, when there is no surplus and
 * the sure losers have no votes between them (none at all included), the lowest other hopeful goes
 * too ({@code STV.selectCandidatesToEliminate}). With no sure losers the single lowest goes.
 *
 * <p><b>Ties</b> ({@code Iterative.breakWeakTie}, {@code ElectionMethod.breakStrongTie}). A tie for
 * fewest votes is broken by earlier rounds: Backward (from the round before back to round 1; at
 * each round only the candidates lowest there stay tied), Forward (from round 1 on), or not at all
 * (Random, OpenSTV's "strong"). What remains tied is a strong tie. OpenSTV and OpaVote break it
 * with their own pseudo-random generator, which no other program can replay; here the {@link
 * SeededDraw} from the published seed picks among the tied candidates in file order, so a strong
 * tie is reproducible by anyone but will not, in general, pick the same candidate as OpaVote. Every
 * break is recorded; OpaVote JSON lists only the strong ones in {@code tie_breaks}.
 *
 * <p><b>End</b> ({@code STV.updateCandidateStatus}). If the seats are filled, the remaining
 * hopefuls lose. Otherwise hopefuls with no votes lose, and the rest are elected ("Candidates X are
 * elected."). Winners are listed in order of election; candidates elected in the same round in file
 * order ({@code Iterative.newWinners} sorts them by number).
 *
 * <p><b>Messages</b> are OpenSTV's words, including its list style ({@link #joinList}); they are
 * OpaVote JSON's {@code msg}. A surplus round says "Count after transferring surplus votes. " and,
 * once someone is elected, "Keep factors of candidates who have exceeded the threshold: ..."; an
 * elimination round "Count after eliminating X and transferring votes. All losing candidates are
 * eliminated. " plus any tie-break; then "Candidate X has reached the threshold and is elected. ".
 *
 * <p><b>Refused</b> (422): fewer than two candidates standing (OpenSTV's check), and files where no
 * ballot ranks a standing candidate. With no more candidates than seats the count is OpenSTV's: the
 * first count elects whoever reaches the threshold, the count stops at once, and the end rule
 * elects every other candidate with a vote (those without one lose).
 */
public final class MeekStv {

  private final BallotFile file;
  private final CountOptions options;
  private final SeatConstraints constraints;
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

  private MeekStv(BallotFile file, CountOptions options, SeatConstraints constraints) {
    this.file = file;
    this.options = options;
    this.constraints = constraints;
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
    return new MeekStv(file, options, null).run();
  }

  /**
   * Counts with quotas on the seats (constrained Meek STV, docs/stv-rules.md): the same count, with
   * three changes. (1) When a candidate reaches the threshold but electing them would leave no way
   * to meet every quota with the remaining seats, they are excluded instead (candidates reaching
   * the threshold together are taken in order of votes, then file order); and once the winners fill
   * a quota's maximum, every hopeful under it is excluded at once. (2) Elimination takes one
   * candidate at a time: the lowest (ties broken as usual) among the hopefuls whose exclusion still
   * leaves the quotas attainable; the others are protected. (3) When the count stops with seats
   * left, the hopefuls still standing are exactly the seats left and are all elected. The quotas
   * must be attainable at the start ({@code 422 stv-quotas-infeasible}, naming the quota).
   */
  public static ElectionResult count(
      BallotFile file, CountOptions options, SeatConstraints constraints) {
    return new MeekStv(file, options, java.util.Objects.requireNonNull(constraints)).run();
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
    if (standing < 2) {
      throw DomainException.unprocessable(
              "stv-too-few-candidates",
              "Not enough candidates",
              "need at least 2 candidates who have not withdrawn, have " + standing)
          .with("seats", file.seats())
          .with("standing", standing);
    }
    if (constraints != null && !constraints.feasible(List.of(), hopefuls(), file.seats())) {
      throw constraints.infeasible(hopefuls(), file.seats());
    }
    if (validBallots == 0) {
      throw DomainException.unprocessable(
          "stv-no-valid-ballots",
          "No valid ballots",
          "no ballot ranks a candidate who has not withdrawn");
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
    if (constraints != null) {
      List<Integer> open = new ArrayList<>();
      List<Integer> protectedOnes = new ArrayList<>();
      for (int c : hopefuls()) {
        List<Integer> rest = new ArrayList<>(hopefuls());
        rest.remove(Integer.valueOf(c));
        (constraints.feasible(winners, rest, file.seats()) ? open : protectedOnes).add(c);
      }
      long floor = open.stream().mapToLong(c -> votes.get(r - 1)[c]).min().orElseThrow();
      List<Integer> shielded =
          protectedOnes.stream().filter(c -> votes.get(r - 1)[c] <= floor).toList();
      if (!shielded.isEmpty()) {
        why.append(shielded.size() == 1 ? "Candidate " : "Candidates ")
            .append(joinList(shielded.stream().map(file.candidates()::get).toList()))
            .append(shielded.size() == 1 ? " is" : " are")
            .append(" protected by the quotas. ");
      }
      tie = weakTie(r - 1, open, "candidates to eliminate", why);
      out = new ArrayList<>(List.of(tie == null ? lowestOf(r - 1, open) : tie.chosen()));
      reason = RoundAction.Reason.LOWEST;
    } else if (stable(r)) {
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
    finishRound(
        r,
        new RoundAction.Elimination(out, reason, Optional.ofNullable(tie), why.toString()),
        msg,
        out);
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
    List<Integer> excluded = new ArrayList<>();
    if (constraints != null) {
      electedNow.sort(
          Comparator.comparingLong((Integer c) -> -count[c])
              .thenComparing(Comparator.naturalOrder()));
      List<Integer> accepted = new ArrayList<>();
      for (int c : electedNow) {
        List<Integer> elected = new ArrayList<>(winners);
        elected.addAll(accepted);
        elected.add(c);
        List<Integer> rest = new ArrayList<>(hopefuls());
        rest.removeAll(elected);
        rest.removeAll(excluded);
        if (constraints.feasible(elected, rest, file.seats())) {
          accepted.add(c);
        } else {
          excluded.add(c);
          msg.append("Candidate ")
              .append(file.candidates().get(c))
              .append(" has reached the threshold but is excluded: the quotas could not be met. ");
        }
      }
      electedNow = accepted;
    }
    if (!electedNow.isEmpty()) {
      msg.append(electedNow.size() == 1 ? "Candidate " : "Candidates ")
          .append(joinList(electedNow.stream().map(file.candidates()::get).toList()))
          .append(
              electedNow.size() == 1
                  ? " has reached the threshold and is elected. "
                  : " have reached the threshold and are elected. ");
    }
    elect(electedNow);
    if (constraints != null) {
      for (int c : hopefuls()) {
        if (excluded.contains(c)) {
          continue;
        }
        Optional<Quota> full = constraints.fullMaximum(c, winners);
        if (full.isPresent()) {
          excluded.add(c);
          msg.append("Candidate ")
              .append(file.candidates().get(c))
              .append(" is excluded: the quota ")
              .append(full.get().label())
              .append(" is full. ");
        }
      }
      for (int c : excluded) {
        status[c] = CandidateStatus.ELIMINATED;
      }
      if (!excluded.isEmpty()) {
        List<Integer> all = new ArrayList<>(eliminatedNow);
        all.addAll(excluded);
        all.sort(Comparator.naturalOrder());
        eliminatedNow = all;
      }
    }
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

  /** OpenSTV's {@code newWinners} sorts the newly elected by candidate number. */
  private void elect(List<Integer> elected) {
    elected.sort(Comparator.naturalOrder());
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
    } else if (constraints != null) {
      electedNow.addAll(hopefuls());
      if (!electedNow.isEmpty()) {
        msg.append(electedNow.size() == 1 ? "Candidate " : "Candidates ")
            .append(joinList(electedNow.stream().map(file.candidates()::get).toList()))
            .append(electedNow.size() == 1 ? " is elected. " : " are elected. ");
      }
      elect(electedNow);
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
      elect(electedNow);
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

  /**
   * OpenSTV's {@code Ballots.joinList}: "A", "A and B", "A, B, and C"; the separator becomes "; "
   * when any item contains a comma (keep-factor items "Name, 0.500001" always do).
   */
  static String joinList(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    if (items.size() == 2) {
      return items.get(0) + " and " + items.get(1);
    }
    String sep = String.join(" ", items).contains(",") ? "; " : ", ";
    return String.join(sep, items.subList(0, items.size() - 1))
        + sep
        + "and "
        + items.get(items.size() - 1);
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
