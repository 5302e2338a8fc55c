package org.tribune.selection.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.tribune.identity.entity.MemberId;
import org.tribune.ingest.control.VoteIngest;
import org.tribune.platform.entity.DomainException;
import org.tribune.selection.boundary.RoundViews.BallotCandidate;
import org.tribune.selection.boundary.RoundViews.BallotReceiptView;
import org.tribune.selection.control.BallotBox;
import org.tribune.selection.control.BallotOutcome;
import org.tribune.selection.control.BallotReceipt;
import org.tribune.selection.control.CastBallot;
import org.tribune.selection.control.EndorsementCommand;
import org.tribune.selection.control.EndorsementOutcome;
import org.tribune.selection.control.EndorsementStore;
import org.tribune.selection.entity.RoundPhase;
import org.tribune.selection.entity.SelectionRound;

/**
 * Every vote of selection enters through the shared vote ingest: endorsements, question upvotes and
 * recall signatures through {@link EndorsementStore}, ranked ballots through {@link BallotBox}.
 * Eligibility and the ballot's ranking are checked here first (they need reads, not the writer's
 * order); duplicates, phases and counters are decided by the writers inside their transaction.
 */
@ApplicationScoped
public class SelectionVotes {

  @Inject VoteIngest ingest;
  @Inject RoundLifecycle rounds;

  private EndorsementStore endorsements;
  private BallotBox ballots;

  @PostConstruct
  void init() {
    Clock clock = Clock.systemUTC();
    endorsements = new EndorsementStore(clock);
    ballots = new BallotBox(clock);
  }

  public CompletionStage<EndorsementOutcome> endorse(
      long roundId, long nominationId, MemberId member) {
    SelectionRound round = rounds.round(roundId);
    rounds.nomination(roundId, nominationId);
    rounds.requireVoter(round, member);
    return ingest.submit(endorsements, new EndorsementCommand.Endorse(member, nominationId));
  }

  public CompletionStage<EndorsementOutcome> upvote(
      long roundId, long questionId, MemberId member) {
    rounds.question(roundId, questionId);
    return ingest.submit(endorsements, new EndorsementCommand.Upvote(member, questionId));
  }

  public CompletionStage<EndorsementOutcome> signRecall(long delegateId, MemberId member) {
    return ingest.submit(endorsements, new EndorsementCommand.SignRecall(member, delegateId));
  }

  /** The queued ballot and what the voter will be told once it is in the box. */
  public record Queued(CompletionStage<BallotOutcome> outcome, BallotReceiptView receipt) {}

  /**
   * Checks the ranking (nomination ids, best first) against the frozen shortlist, makes the
   * receipt, and queues the ballot. The nonce goes back to the voter and is kept nowhere.
   */
  public Queued cast(long roundId, MemberId member, List<Long> ranking) {
    SelectionRound round = rounds.round(roundId);
    RoundPhase phase = round.phase(rounds.now());
    if (phase != RoundPhase.VOTING) {
      throw RoundLifecycle.closed(round, phase, "take ballots");
    }
    if (round.selectionMethod().wireName().equals("sortition")) {
      throw DomainException.conflict(
          "no-ballot", "No ballot", "Round " + roundId + " is chosen by sortition, not a vote.");
    }
    rounds.requireVoter(round, member);
    Map<Long, BallotCandidate> onBallot =
        rounds.ballotForm(roundId, java.util.Optional.empty()).candidates().stream()
            .filter(c -> !c.withdrawn())
            .collect(Collectors.toMap(BallotCandidate::nominationId, c -> c));
    if (ranking == null || ranking.isEmpty()) {
      throw DomainException.invalid("ranking", "rank at least one candidate");
    }
    List<Integer> positions = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Long id : ranking) {
      BallotCandidate candidate = id == null ? null : onBallot.get(id);
      if (candidate == null) {
        throw DomainException.invalid("ranking", "nomination " + id + " is not on the ballot");
      }
      if (!seen.add(id)) {
        throw DomainException.invalid("ranking", "nomination " + id + " is ranked twice");
      }
      positions.add(candidate.position());
    }
    String text = BallotReceipt.ranking(positions);
    String nonce = BallotReceipt.randomHex();
    String receipt = BallotReceipt.receipt(nonce, text);
    CompletionStage<BallotOutcome> outcome =
        ingest.submit(
            ballots, new CastBallot(roundId, member, text, receipt, BallotReceipt.randomHex()));
    return new Queued(
        outcome, new BallotReceiptView(roundId, receipt, nonce, text, List.copyOf(positions)));
  }
}
