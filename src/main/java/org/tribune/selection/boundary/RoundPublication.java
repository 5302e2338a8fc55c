package org.tribune.selection.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.tribune.identity.boundary.AuditLog;
import org.tribune.identity.boundary.CredentialsChanged;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.selection.boundary.ResultViews.Candidate;
import org.tribune.selection.boundary.ResultViews.Options;
import org.tribune.selection.boundary.ResultViews.QuotaCheck;
import org.tribune.selection.boundary.ResultViews.Receipt;
import org.tribune.selection.boundary.ResultViews.Results;
import org.tribune.selection.boundary.ResultViews.Winner;
import org.tribune.selection.boundary.RoundViews.DelegateView;
import org.tribune.selection.boundary.RoundViews.MemberRef;
import org.tribune.selection.control.CountReport;
import org.tribune.selection.control.ElectionResult;
import org.tribune.selection.control.RoundAction;
import org.tribune.selection.control.RoundCount;
import org.tribune.selection.control.RoundCount.Publication;
import org.tribune.selection.control.RoundDraw;
import org.tribune.selection.control.SeatConstraints;
import org.tribune.selection.control.ShortlistFreeze;
import org.tribune.selection.entity.Delegation;
import org.tribune.selection.entity.Nomination;
import org.tribune.selection.entity.NominationStatus;
import org.tribune.selection.entity.RoundPhase;
import org.tribune.selection.entity.RoundQuota;
import org.tribune.selection.entity.SelectionMethod;
import org.tribune.selection.entity.SelectionRound;

/**
 * Closing a round: the count, what it publishes, the delegates it makes, and their recall.
 *
 * <p>The count locks the round row by stamping {@code counted_at} (guarded: voting must have closed
 * and nobody counted before), which also stops the ballot box's own guarded update, then reads the
 * ballots, counts them with Meek STV and the round's seed, records the {@code .blt} SHA-256 and the
 * winners, and seats the winners as delegates (role granted, audited) — all in one transaction. The
 * publication itself is rebuilt from the stored ballots when asked for and must hash to the
 * recorded SHA-256.
 */
@ApplicationScoped
@Transactional
public class RoundPublication {

  private static final Logger LOG = Logger.getLogger(RoundPublication.class.getName());

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Inject RoundLifecycle rounds;
  @Inject AuditLog audit;
  @Inject Event<CredentialsChanged> credentialsChanged;

  private final Map<Long, Publication> published = new ConcurrentHashMap<>();

  public Results count(MemberId manager, long roundId) {
    SelectionRound round = rounds.round(roundId);
    Instant now = rounds.now();
    RoundPhase phase = round.phase(now);
    if (phase != RoundPhase.COUNTING) {
      throw RoundLifecycle.closed(round, phase, "count now (voting must have closed)");
    }
    if (round.selectionMethod() == SelectionMethod.SORTITION) {
      throw DomainException.conflict(
          "not-an-election",
          "Decided by lot",
          "Round " + roundId + " is a sortition round; its draw is published at /draw.");
    }
    Publication publication;
    try (Connection c = dataSource.getConnection()) {
      stampCounted(c, round, now);
      List<Nomination> candidates = candidates(roundId);
      if (candidates.isEmpty()) {
        throw DomainException.conflict(
            "nothing-to-count",
            "Nothing to count",
            "Round " + roundId + " has no candidates on its ballot; cancel it instead.");
      }
      publication = publish(round, candidates, readBallots(c, roundId));
      List<Integer> winners = publication.winners();
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE selection_round SET blt_sha256 = ?, winners = ? WHERE id = ?")) {
        s.setString(1, publication.sha256());
        s.setString(2, String.join(",", winners.stream().map(w -> String.valueOf(w + 1)).toList()));
        s.setLong(3, roundId);
        s.executeUpdate();
      }
      seatDelegates(manager, round, candidates, winners, now);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count round " + roundId, e);
    }
    audit.record(
        manager,
        "selection.round.count",
        "selection_round",
        Long.toString(roundId),
        phase.wireName(),
        "published; blt sha256 " + publication.sha256());
    published.put(roundId, publication);
    em.flush();
    em.refresh(round);
    return results(round, candidates(roundId), publication);
  }

  /**
   * Draws the shortlist if due, then stamps the round as counted, guarded so that one transaction
   * only ever counts it and no ballot can land afterwards.
   */
  static void stampCounted(Connection c, SelectionRound round, Instant now) throws SQLException {
    ShortlistFreeze.freezeIfDue(c, round.id(), now, RoundLifecycle.shortlistChooser(round, now));
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE selection_round SET counted_at = ? WHERE id = ? AND counted_at IS NULL"
                + " AND cancelled_at IS NULL AND voting_closes_at <= ?")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setLong(2, round.id());
      s.setTimestamp(3, Timestamp.from(now));
      if (s.executeUpdate() == 0) {
        throw DomainException.conflict(
            "already-counted", "Already counted", "Round " + round.id() + " has been counted.");
      }
    }
  }

  /** Seats {@code winners} (indexes into {@code candidates}) as delegates, in that order. */
  void seatDelegates(
      MemberId manager,
      SelectionRound round,
      List<Nomination> candidates,
      List<Integer> winners,
      Instant now) {
    Instant ends = now.plus(Duration.ofDays(round.rules().termDays()));
    int order = 1;
    for (int index : winners) {
      Nomination winner = candidates.get(index);
      em.persist(new Delegation(round.id(), winner, order++, now, ends));
      Member member = rounds.member(winner.nominee());
      String before = String.join(",", new TreeSet<>(member.roles()));
      if (!member.has(Roles.DELEGATE)) {
        member.grant(Roles.DELEGATE);
        credentialsChanged.fire(new CredentialsChanged(member.id(), null));
      }
      audit.record(
          manager,
          "selection.delegate.seat",
          "member",
          member.id().toString(),
          before,
          String.join(",", new TreeSet<>(member.roles()))
              + "; round "
              + round.id()
              + ", term until "
              + ends);
    }
  }

  /** The nominations on the ballot in position order (withdrawn ones included). */
  private List<Nomination> candidates(long roundId) {
    return em.createQuery(
            "SELECT n FROM Nomination n WHERE n.roundId = :r AND n.ballotPosition IS NOT NULL"
                + " ORDER BY n.ballotPosition",
            Nomination.class)
        .setParameter("r", roundId)
        .getResultList();
  }

  private Publication publish(
      SelectionRound round, List<Nomination> candidates, List<RoundCount.StoredBallot> ballots) {
    List<RoundCount.Candidate> names = new ArrayList<>();
    for (Nomination n : candidates) {
      names.add(
          new RoundCount.Candidate(
              rounds.member(n.nominee()).displayName(), n.status() != NominationStatus.ACCEPTED));
    }
    if (round.selectionMethod() == SelectionMethod.STV_BY_TYPE) {
      return RoundCount.countByType(
          round.title(),
          round.seatsByType(),
          names,
          candidates.stream().map(Nomination::memberType).toList(),
          ballots,
          round.seed());
    }
    return RoundCount.count(
        round.title(), round.seats(), names, ballots, round.seed(), constraints(round, candidates));
  }

  /** The round's quotas on the seats, enforced by the count; null when the round has none. */
  static SeatConstraints constraints(SelectionRound round, List<Nomination> candidates) {
    if (round.quotas().isEmpty() || round.selectionMethod() == SelectionMethod.STV_BY_TYPE) {
      return null;
    }
    List<Map<String, String>> features = new ArrayList<>();
    for (Nomination n : candidates) {
      Map<String, String> f = new HashMap<>();
      f.put("member_type", orNone(n.memberType()));
      f.put("region", orNone(n.region()));
      f.put("device_line", orNone(n.deviceLine()));
      features.add(f);
    }
    return new SeatConstraints(features, RoundDraws.quotas(round.quotas()));
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? RoundDraw.NONE : value.strip();
  }

  private static List<RoundCount.StoredBallot> readBallots(Connection c, long roundId)
      throws SQLException {
    List<RoundCount.StoredBallot> ballots = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT ranking, receipt FROM selection_ballot WHERE round_id = ? ORDER BY receipt")) {
      s.setLong(1, roundId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ballots.add(new RoundCount.StoredBallot(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return ballots;
  }

  /** The publication of a counted round, rebuilt if needed and checked against its SHA-256. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Publication publication(long roundId) {
    SelectionRound round = rounds.round(roundId);
    String expected =
        round
            .bltSha256()
            .orElseThrow(
                () ->
                    DomainException.conflict(
                            "not-published",
                            "Not published",
                            "Round " + roundId + " has no published results.")
                        .with("phase", round.phase(rounds.now()).wireName()));
    Publication cached = published.get(roundId);
    if (cached != null && cached.sha256().equals(expected)) {
      return cached;
    }
    Publication rebuilt;
    try (Connection c = dataSource.getConnection()) {
      rebuilt = publish(round, candidates(roundId), readBallots(c, roundId));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    if (!rebuilt.sha256().equals(expected)) {
      LOG.severe(
          "The ballots of round "
              + roundId
              + " no longer hash to the published SHA-256 "
              + expected
              + " but to "
              + rebuilt.sha256());
      throw new DomainException(
          DomainException.Kind.UNAVAILABLE,
          "publication-mismatch",
          "Publication mismatch",
          "The stored ballots of round " + roundId + " do not match the published file.");
    }
    published.put(roundId, rebuilt);
    return rebuilt;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Results results(long roundId) {
    Publication publication = publication(roundId);
    return results(rounds.round(roundId), candidates(roundId), publication);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public String reportText(long roundId) {
    Publication p = publication(roundId);
    if (p.byType().isEmpty()) {
      return CountReport.render(p.result());
    }
    StringBuilder out = new StringBuilder();
    p.byType()
        .forEach(
            (type, result) ->
                out.append("== ")
                    .append(type)
                    .append(" ==\n")
                    .append(CountReport.render(result))
                    .append('\n'));
    return out.toString();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Receipt> receipts(long roundId) {
    return publication(roundId).receipts().stream()
        .map(r -> new Receipt(r.receipt(), r.line(), r.ranking()))
        .toList();
  }

  private Results results(
      SelectionRound round, List<Nomination> nominations, Publication publication) {
    ElectionResult result = publication.result();
    Map<Long, MemberRef> refs = new HashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < nominations.size(); i++) {
      Nomination n = nominations.get(i);
      candidates.add(
          new Candidate(
              i + 1,
              n.id(),
              rounds.ref(refs, n.nominee()),
              n.memberType(),
              n.status() != NominationStatus.ACCEPTED));
    }
    List<Integer> winnerIndexes = publication.winners();
    List<Winner> winners = winners(nominations, refs, winnerIndexes, 1);
    List<ResultViews.TypeResult> byType = new ArrayList<>();
    int order = 1;
    for (Map.Entry<String, ElectionResult> type : publication.byType().entrySet()) {
      ElectionResult r = type.getValue();
      byType.add(
          new ResultViews.TypeResult(
              type.getKey(),
              r.seats(),
              winners(nominations, refs, r.winners(), order),
              roundViews(r),
              ties(r)));
      order += r.winners().size();
    }
    boolean perType = !byType.isEmpty();
    var o = result.options();
    return new Results(
        round.id(),
        round.title(),
        round.seats(),
        round.countedAt().orElse(null),
        publication.receipts().size(),
        publication.sha256(),
        round.publishedSeed().orElse(null),
        new Options(
            o.precision(),
            o.thresholdFormula().name(),
            o.dynamicThreshold(),
            o.fractionalThreshold(),
            o.weakTieBreak().name()),
        candidates,
        winners,
        perType ? List.of() : roundViews(result),
        perType ? List.of() : ties(result),
        !perType && !round.quotas().isEmpty(),
        quotaCheck(round, winnerIndexes.stream().map(nominations::get).toList()),
        byType);
  }

  private List<Winner> winners(
      List<Nomination> nominations, Map<Long, MemberRef> refs, List<Integer> indexes, int from) {
    List<Winner> winners = new ArrayList<>();
    int order = from;
    for (int w : indexes) {
      Nomination n = nominations.get(w);
      winners.add(new Winner(order++, w + 1, n.id(), rounds.ref(refs, n.nominee())));
    }
    return winners;
  }

  private static List<ResultViews.Round> roundViews(ElectionResult result) {
    List<ResultViews.Round> roundViews = new ArrayList<>();
    for (ElectionResult.Round r : result.rounds()) {
      roundViews.add(
          new ResultViews.Round(
              r.number(),
              actionName(r.action()),
              r.votes(),
              r.threshold(),
              r.surplus(),
              r.exhausted(),
              r.elected().stream().map(c -> c + 1).toList(),
              r.eliminated().stream().map(c -> c + 1).toList(),
              r.message()));
    }
    return roundViews;
  }

  private static List<ResultViews.TieBreak> ties(ElectionResult result) {
    return result.tieBreaks().stream()
        .map(
            t ->
                new ResultViews.TieBreak(
                    t.round(),
                    t.purpose(),
                    t.tied().stream().map(c -> c + 1).toList(),
                    t.chosen() + 1,
                    t.resolution().name().toLowerCase(java.util.Locale.ROOT)))
        .toList();
  }

  private static String actionName(RoundAction action) {
    if (action instanceof RoundAction.FirstCount) {
      return "first_count";
    }
    if (action instanceof RoundAction.SurplusTransfer) {
      return "surplus";
    }
    return "eliminate";
  }

  /** How the winners meet each quota (enforced by the count since issue 4's second part). */
  static List<QuotaCheck> quotaCheck(SelectionRound round, List<Nomination> winners) {
    List<QuotaCheck> checks = new ArrayList<>();
    for (RoundQuota q : round.quotas()) {
      int seats =
          (int)
              winners.stream()
                  .filter(
                      w ->
                          q.feature()
                              .equals(
                                  switch (q.category()) {
                                    case "member_type" -> w.memberType();
                                    case "region" -> w.region();
                                    default -> w.deviceLine();
                                  }))
                  .count();
      checks.add(
          new QuotaCheck(
              q.category(),
              q.feature(),
              q.minSeats(),
              q.maxSeats(),
              seats,
              seats >= q.minSeats() && seats <= q.maxSeats()));
    }
    return checks;
  }

  // ---- delegates ----

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DelegateView> delegates(boolean servingOnly) {
    Instant now = rounds.now();
    return em.createQuery(
            "SELECT d FROM Delegation d ORDER BY d.termStartsAt DESC, d.electedOrder",
            Delegation.class)
        .setMaxResults(500)
        .getResultStream()
        .filter(d -> !servingOnly || d.servingAt(now))
        .map(this::view)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DelegateView delegate(long id) {
    return view(delegation(id));
  }

  Delegation delegation(long id) {
    Delegation d = em.find(Delegation.class, id);
    if (d == null) {
      throw DomainException.notFound("Delegate", id);
    }
    return d;
  }

  private DelegateView view(Delegation d) {
    SelectionRound round = rounds.round(d.roundId());
    Long recallRound =
        em.createQuery("SELECT r.id FROM SelectionRound r WHERE r.recallOf = :d", Long.class)
            .setParameter("d", d.id())
            .getResultStream()
            .findFirst()
            .orElse(null);
    return new DelegateView(
        d.id(),
        new MemberRef(d.member().value(), rounds.member(d.member()).displayName()),
        round.id(),
        round.title(),
        d.electedOrder(),
        d.memberType(),
        d.region(),
        d.deviceLine(),
        d.termStartsAt(),
        d.termEndsAt(),
        d.status(),
        d.recallSignatures(),
        round.rules().recallThreshold(),
        recallRound,
        List.of(),
        List.of(),
        d.endedAt().orElse(null),
        !d.servingAt(rounds.now()));
  }

  /**
   * Removes the delegate role from the member of a delegation that stopped serving, unless another
   * of their delegations still serves, and records it.
   */
  private Member unseat(Delegation d, Instant now, String action, String what) {
    Member member = rounds.member(d.member());
    boolean stillServing =
        em.createQuery(
                "SELECT d FROM Delegation d WHERE d.memberId = :m AND d.id <> :id",
                Delegation.class)
            .setParameter("m", d.member().value())
            .setParameter("id", d.id())
            .getResultStream()
            .anyMatch(other -> other.servingAt(now));
    String before = String.join(",", new TreeSet<>(member.roles()));
    if (!stillServing && member.has(Roles.DELEGATE)) {
      List<String> roles = new ArrayList<>(member.roles());
      roles.remove(Roles.DELEGATE);
      member.replaceRoles(roles);
      credentialsChanged.fire(new CredentialsChanged(member.id(), null));
    }
    audit.record(
        null,
        action,
        "member",
        member.id().toString(),
        before,
        String.join(",", new TreeSet<>(member.roles())) + "; delegation " + d.id() + " " + what);
    return member;
  }

  /**
   * Ends every term that has run out: the delegation becomes {@code ended} (its seat vacant) and
   * the member loses the delegate role unless another delegation of theirs serves. Run by {@link
   * DelegateTerms} once across instances; repeating it changes nothing. Returns how many ended.
   */
  public int expireTerms() {
    Instant now = rounds.now();
    List<Delegation> due =
        em.createQuery(
                "SELECT d FROM Delegation d WHERE d.status = :s ORDER BY d.id", Delegation.class)
            .setParameter("s", Delegation.Status.SERVING.wireName())
            .getResultStream()
            .filter(d -> !d.servingAt(now))
            .toList();
    for (Delegation d : due) {
      d.endTerm(now);
      em.flush();
      unseat(d, now, "selection.delegate.term-end", "term ended " + d.termEndsAt());
    }
    return due.size();
  }

  /** A community manager ends a term now (a resignation, say); the term job then vacates it. */
  public Delegation endTermNow(MemberId manager, long delegateId, String reason) {
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("reason", "is required");
    }
    Delegation d = delegation(delegateId);
    Instant before = d.termEndsAt();
    d.shortenTermTo(rounds.now());
    audit.record(
        manager,
        "selection.delegate.shorten-term",
        "selection_delegate",
        Long.toString(d.id()),
        "term until " + before,
        "term until " + d.termEndsAt() + ": " + reason.strip());
    return d;
  }

  /**
   * The petition reached its threshold: the delegate is recalled (the role goes unless another
   * delegation is serving) and a one-seat round for the seat opens now, with the original round's
   * rules and phase lengths. Repeating it changes nothing.
   */
  public void recall(long delegateId) {
    Delegation d = delegation(delegateId);
    if (!d.status().equals(Delegation.Status.SERVING.wireName())) {
      return;
    }
    Instant now = rounds.now();
    d.recall(now);
    Member member = unseat(d, now, "selection.delegate.recall", "recalled");
    SelectionRound original = rounds.round(d.roundId());
    var t = original.timeline();
    Duration nomination = Duration.between(t.nominationOpensAt(), t.nominationClosesAt());
    Duration endorsement = Duration.between(t.nominationClosesAt(), t.endorsementClosesAt());
    Duration voting = Duration.between(t.endorsementClosesAt(), t.votingClosesAt());
    var rules = original.rules();
    rounds.create(
        original.createdBy(),
        new RoundViews.RoundRequest(
            "Recall: " + original.title() + " (seat of " + member.displayName() + ")",
            "A new round for the seat of delegate "
                + member.displayName()
                + ", recalled by petition.",
            original.selectionMethod().wireName(),
            1,
            rules.shortlistSize() == 0 ? 0 : Math.max(1, rules.shortlistSize() / original.seats()),
            now,
            now.plus(nomination),
            now.plus(nomination).plus(endorsement),
            now.plus(nomination).plus(endorsement).plus(voting),
            rules.minAccountDays(),
            rules.minActivity(),
            rules.activityWindowDays(),
            rules.nominationCap() == 0 ? 0 : Math.max(1, rules.nominationCap() / original.seats()),
            rules.voterMinAccountDays(),
            rules.termDays(),
            rules.recallThreshold(),
            original.selectionMethod() == SelectionMethod.STV_BY_TYPE
                ? List.of(new RoundViews.QuotaBody("member_type", d.memberType(), 1, 1))
                : List.of()),
        d.id());
  }
}
