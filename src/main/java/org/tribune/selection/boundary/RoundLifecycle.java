package org.tribune.selection.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.tribune.identity.boundary.AuditLog;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.MemberType;
import org.tribune.platform.entity.DomainException;
import org.tribune.selection.boundary.RoundViews.Answer;
import org.tribune.selection.boundary.RoundViews.BallotCandidate;
import org.tribune.selection.boundary.RoundViews.BallotForm;
import org.tribune.selection.boundary.RoundViews.Eligibility;
import org.tribune.selection.boundary.RoundViews.Floors;
import org.tribune.selection.boundary.RoundViews.MemberRef;
import org.tribune.selection.boundary.RoundViews.NominationView;
import org.tribune.selection.boundary.RoundViews.Pool;
import org.tribune.selection.boundary.RoundViews.PoolMember;
import org.tribune.selection.boundary.RoundViews.QuestionView;
import org.tribune.selection.boundary.RoundViews.Quota;
import org.tribune.selection.boundary.RoundViews.Refusal;
import org.tribune.selection.boundary.RoundViews.RoundRequest;
import org.tribune.selection.boundary.RoundViews.RoundSummary;
import org.tribune.selection.boundary.RoundViews.RoundView;
import org.tribune.selection.boundary.RoundViews.Timeline;
import org.tribune.selection.control.ActivityScore;
import org.tribune.selection.control.BallotReceipt;
import org.tribune.selection.control.CandidateEligibility;
import org.tribune.selection.control.NominationCap;
import org.tribune.selection.control.ShortlistFreeze;
import org.tribune.selection.control.SortitionShortlist;
import org.tribune.selection.entity.Nomination;
import org.tribune.selection.entity.NominationStatus;
import org.tribune.selection.entity.NomineeAnswer;
import org.tribune.selection.entity.QuotaCategory;
import org.tribune.selection.entity.RoundPhase;
import org.tribune.selection.entity.RoundQuestion;
import org.tribune.selection.entity.RoundQuota;
import org.tribune.selection.entity.RoundRules;
import org.tribune.selection.entity.RoundTimeline;
import org.tribune.selection.entity.Sanction;
import org.tribune.selection.entity.SelectionMethod;
import org.tribune.selection.entity.SelectionRound;

/**
 * Selection rounds for the resources and the demo: creating and advancing rounds, nominations, the
 * questionnaire, eligibility and the ballot form. Votes of every kind (endorsements, upvotes,
 * ballots, recall signatures) go through {@link SelectionVotes}; the count through {@link
 * RoundPublication}.
 */
@ApplicationScoped
@Transactional
public class RoundLifecycle {

  static final int DEFAULT_SEATS = 9;

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Inject AuditLog audit;

  private final Clock clock = Clock.systemUTC();

  Instant now() {
    return clock.instant();
  }

  // ---- rounds ----

  public SelectionRound create(MemberId manager, RoundRequest r) {
    return create(manager, r, null);
  }

  SelectionRound create(MemberId manager, RoundRequest r, Long recallOf) {
    Instant now = now();
    int seats = r.seats() == null ? DEFAULT_SEATS : r.seats();
    RoundRules rules =
        new RoundRules(
            seats,
            orDefault(r.shortlistSize(), 0),
            orDefault(r.minAccountDays(), 30),
            orDefault(r.minActivity(), 10),
            orDefault(r.activityWindowDays(), 180),
            orDefault(r.nominationCap(), 0),
            orDefault(r.voterMinAccountDays(), 0),
            orDefault(r.termDays(), 365),
            orDefault(r.recallThreshold(), 0));
    RoundTimeline timeline =
        new RoundTimeline(
            r.nominationOpensAt(),
            r.nominationClosesAt(),
            r.endorsementClosesAt(),
            r.votingClosesAt());
    List<RoundQuota> quotas = new ArrayList<>();
    if (r.quotas() != null) {
      for (RoundViews.QuotaBody q : r.quotas()) {
        if (q == null || q.category() == null) {
          throw DomainException.invalid("quotas", "every quota needs a category");
        }
        QuotaCategory category =
            QuotaCategory.fromWire(q.category())
                .orElseThrow(
                    () ->
                        DomainException.invalid(
                            "quotas", "category must be member_type, region or device_line"));
        if (category == QuotaCategory.MEMBER_TYPE && MemberType.fromWire(q.feature()).isEmpty()) {
          throw DomainException.invalid("quotas", "unknown member type " + q.feature());
        }
        quotas.add(
            new RoundQuota(
                category, q.feature(), orDefault(q.min(), 0), orDefault(q.max(), seats)));
      }
    }
    String seed = BallotReceipt.randomHex();
    SelectionRound round =
        SelectionRound.create(
            r.title(),
            r.description(),
            r.method() == null ? "stv" : r.method(),
            rules,
            timeline,
            quotas,
            recallOf,
            manager,
            seed,
            BallotReceipt.sha256(seed),
            now);
    em.persist(round);
    em.flush();
    audit.record(
        manager,
        "selection.round.create",
        "selection_round",
        Long.toString(round.id()),
        null,
        round.title() + " (" + round.selectionMethod().wireName() + ", " + seats + " seats)");
    return round;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RoundSummary> list() {
    Instant now = now();
    return em.createQuery(
            "SELECT r FROM SelectionRound r ORDER BY r.createdAt DESC, r.id DESC",
            SelectionRound.class)
        .setMaxResults(200)
        .getResultStream()
        .map(
            r ->
                new RoundSummary(
                    r.id(),
                    r.title(),
                    r.selectionMethod().wireName(),
                    r.seats(),
                    r.phase(now).wireName(),
                    r.timeline().votingClosesAt(),
                    r.countedAt().orElse(null)))
        .toList();
  }

  public SelectionRound round(long id) {
    SelectionRound round = em.find(SelectionRound.class, id);
    if (round == null) {
      throw DomainException.notFound("Round", id);
    }
    return round;
  }

  /** The round as shown; draws the shortlist first if endorsement has just closed. */
  public RoundView view(long id, Optional<MemberId> viewer) {
    SelectionRound round = round(id);
    Instant now = now();
    freezeIfDue(round, now);
    Boolean hasVoted = viewer.isPresent() ? hasVoted(id, viewer.get()) : null;
    List<NominationCap.Standing> standing = standing(id);
    RoundRules rules = round.rules();
    return new RoundView(
        round.id(),
        round.title(),
        round.description(),
        round.selectionMethod().wireName(),
        round.seats(),
        rules.shortlistSize(),
        round.phase(now).wireName(),
        timeline(round.timeline()),
        new Floors(
            rules.minAccountDays(),
            rules.minActivity(),
            rules.activityWindowDays(),
            rules.nominationCap(),
            NominationCap.effectiveFloor(rules.minActivity(), rules.nominationCap(), standing),
            rules.voterMinAccountDays()),
        rules.termDays(),
        rules.recallThreshold(),
        quotas(round),
        round.seedSha256(),
        round.publishedSeed().orElse(null),
        standing.size(),
        round.endorsementsCast(),
        round.ballotsCast(),
        round.countedAt().orElse(null),
        round.cancelledAt().orElse(null),
        round.recallOf().orElse(null),
        hasVoted);
  }

  static Timeline timeline(RoundTimeline t) {
    return new Timeline(
        t.nominationOpensAt(), t.nominationClosesAt(), t.endorsementClosesAt(), t.votingClosesAt());
  }

  static List<Quota> quotas(SelectionRound round) {
    return round.quotas().stream()
        .map(q -> new Quota(q.category(), q.feature(), q.minSeats(), q.maxSeats()))
        .toList();
  }

  public SelectionRound advance(MemberId manager, long id, String reason) {
    SelectionRound round = round(id);
    Instant now = now();
    RoundPhase before = round.phase(now);
    round.advance(now);
    RoundPhase after = round.phase(now);
    em.flush();
    audit.record(
        manager,
        "selection.round.advance",
        "selection_round",
        Long.toString(id),
        before.wireName(),
        after.wireName() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
    freezeIfDue(round, now);
    return round;
  }

  public SelectionRound cancel(MemberId manager, long id, String reason) {
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("reason", "is required");
    }
    SelectionRound round = round(id);
    Instant now = now();
    RoundPhase before = round.phase(now);
    round.cancel(now);
    audit.record(
        manager,
        "selection.round.cancel",
        "selection_round",
        Long.toString(id),
        before.wireName(),
        "cancelled: " + reason.strip());
    return round;
  }

  void freezeIfDue(SelectionRound round, Instant now) {
    if (round.shortlistFrozen() || round.phase(now).compareTo(RoundPhase.VOTING) < 0) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      ShortlistFreeze.freezeIfDue(c, round.id(), now, shortlistChooser(round, now));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not draw the shortlist of round " + round.id(), e);
    }
  }

  /**
   * How the round's shortlist is chosen: by lot for a combined round ({@link SortitionShortlist}),
   * otherwise by endorsements.
   */
  static ShortlistFreeze.Chooser shortlistChooser(SelectionRound round, Instant now) {
    return round.selectionMethod() == SelectionMethod.COMBINED
        ? new SortitionShortlist(
            round.id(),
            round.rules().shortlistSize(),
            RoundDraws.quotas(round.quotas()),
            round.seed(),
            now)
        : ShortlistFreeze.byEndorsements(round.rules().shortlistSize());
  }

  // ---- eligibility ----

  public Eligibility eligibility(long roundId, MemberId member) {
    SelectionRound round = round(roundId);
    Instant now = now();
    CandidateEligibility.Facts facts = facts(round, member, now);
    int floor = activityFloor(round);
    List<Refusal> stand =
        CandidateEligibility.toStand(facts, round.rules().minAccountDays(), floor).stream()
            .map(r -> new Refusal(r.code(), r.message()))
            .toList();
    List<Refusal> vote =
        CandidateEligibility.toVote(facts, round.rules().voterMinAccountDays()).stream()
            .map(r -> new Refusal(r.code(), r.message()))
            .toList();
    return new Eligibility(
        stand.isEmpty(), stand, vote.isEmpty(), vote, facts.accountDays(), facts.activity(), floor);
  }

  CandidateEligibility.Facts facts(SelectionRound round, MemberId member, Instant now) {
    Member m = member(member);
    long days = ChronoUnit.DAYS.between(m.joinedOn(), LocalDate.ofInstant(now, ZoneOffset.UTC));
    int activity;
    try (Connection c = dataSource.getConnection()) {
      activity =
          ActivityScore.of(
              c, member.value(), now.minus(Duration.ofDays(round.rules().activityWindowDays())));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new CandidateEligibility.Facts(days, activity, sanctioned(member, now));
  }

  boolean sanctioned(MemberId member, Instant now) {
    return em.createQuery("SELECT s FROM Sanction s WHERE s.memberId = :m", Sanction.class)
        .setParameter("m", member.value())
        .getResultStream()
        .anyMatch(s -> s.activeAt(now));
  }

  /** Refuses (403 not-eligible, every reason listed) a member who may not endorse or vote. */
  void requireVoter(SelectionRound round, MemberId member) {
    List<CandidateEligibility.Refusal> refusals =
        CandidateEligibility.toVote(
            facts(round, member, now()), round.rules().voterMinAccountDays());
    if (!refusals.isEmpty()) {
      throw notEligible(refusals, "vote in");
    }
  }

  private static DomainException notEligible(
      List<CandidateEligibility.Refusal> refusals, String what) {
    return new DomainException(
            DomainException.Kind.FORBIDDEN,
            "not-eligible",
            "Not eligible",
            "You may not "
                + what
                + " this round: "
                + String.join("; ", refusals.stream().map(r -> r.message()).toList()))
        .with("reasons", String.join(",", refusals.stream().map(r -> r.code()).toList()));
  }

  private int activityFloor(SelectionRound round) {
    return NominationCap.effectiveFloor(
        round.rules().minActivity(), round.rules().nominationCap(), standing(round.id()));
  }

  private List<NominationCap.Standing> standing(long roundId) {
    return em.createQuery(
            "SELECT n FROM Nomination n WHERE n.roundId = :r AND n.status = :s ORDER BY n.id",
            Nomination.class)
        .setParameter("r", roundId)
        .setParameter("s", NominationStatus.ACCEPTED)
        .getResultStream()
        .map(n -> new NominationCap.Standing(n.id(), n.activity()))
        .toList();
  }

  // ---- nominations ----

  public Nomination nominate(long roundId, MemberId by, Long nomineeId, String statement) {
    SelectionRound round = round(roundId);
    Instant now = now();
    requirePhase(round, now, RoundPhase.NOMINATION, "take nominations");
    MemberId nominee = nomineeId == null ? by : new MemberId(nomineeId);
    Member member = member(nominee);
    CandidateEligibility.Facts facts = facts(round, nominee, now);
    if (!by.equals(nominee) && facts(round, by, now).sanctioned()) {
      throw notEligible(
          List.of(new CandidateEligibility.Refusal("sanctioned", "your account is sanctioned")),
          "nominate in");
    }
    boolean self = by.equals(nominee);
    // A nomination by someone else is checked against the round's own floors now and against the
    // cap when the nominee accepts; a self-nomination stands at once, so the cap applies now.
    int floor = self ? activityFloor(round) : round.rules().minActivity();
    List<CandidateEligibility.Refusal> refusals =
        CandidateEligibility.toStand(facts, round.rules().minAccountDays(), floor);
    if (!refusals.isEmpty()) {
      throw notEligible(refusals, "stand in");
    }
    Nomination nomination = Nomination.of(roundId, member, by, statement, facts.activity(), now);
    try {
      em.persist(nomination);
      em.flush();
    } catch (PersistenceException e) {
      throw alreadyNominated(nominee);
    }
    if (self) {
      applyCap(round, nomination);
    }
    return nomination;
  }

  private static DomainException alreadyNominated(MemberId nominee) {
    return DomainException.conflict(
        "already-nominated",
        "Already nominated",
        "Member " + nominee + " already has a nomination in this round.");
  }

  /** Applies the nomination cap to a nomination that has just come to stand. */
  private void applyCap(SelectionRound round, Nomination joined) {
    List<NominationCap.Standing> others =
        standing(round.id()).stream().filter(s -> s.nominationId() != joined.id()).toList();
    Optional<NominationCap.Standing> out =
        NominationCap.displaced(round.rules().nominationCap(), others);
    if (out.isPresent()) {
      Nomination displaced = em.find(Nomination.class, out.get().nominationId());
      displaced.displace(
          "The nomination cap of "
              + round.rules().nominationCap()
              + " was reached and a nominee with a higher activity score joined.");
    }
  }

  public Nomination accept(long roundId, long nominationId, MemberId nominee, String statement) {
    SelectionRound round = round(roundId);
    Instant now = now();
    requirePhase(round, now, RoundPhase.NOMINATION, "take nominations");
    Nomination nomination = ownNomination(roundId, nominationId, nominee);
    CandidateEligibility.Facts facts = facts(round, nominee, now);
    List<CandidateEligibility.Refusal> refusals =
        CandidateEligibility.toStand(facts, round.rules().minAccountDays(), activityFloor(round));
    if (!refusals.isEmpty()) {
      throw notEligible(refusals, "stand in");
    }
    nomination.accept(statement, now);
    em.flush();
    applyCap(round, nomination);
    return nomination;
  }

  public Nomination decline(long roundId, long nominationId, MemberId nominee) {
    Nomination nomination = ownNomination(roundId, nominationId, nominee);
    nomination.decline();
    return nomination;
  }

  /** A nominee may withdraw until the count; after the shortlist, they stay on it as withdrawn. */
  public Nomination withdraw(long roundId, long nominationId, MemberId nominee) {
    SelectionRound round = round(roundId);
    RoundPhase phase = round.phase(now());
    if (phase == RoundPhase.PUBLISHED || phase == RoundPhase.CANCELLED) {
      throw closed(round, phase, "take withdrawals");
    }
    Nomination nomination = ownNomination(roundId, nominationId, nominee);
    nomination.withdraw();
    return nomination;
  }

  private Nomination ownNomination(long roundId, long nominationId, MemberId nominee) {
    Nomination nomination = nomination(roundId, nominationId);
    if (!nomination.nominee().equals(nominee)) {
      throw DomainException.forbidden("Only the nominee can do this.");
    }
    return nomination;
  }

  public Nomination nomination(long roundId, long nominationId) {
    Nomination nomination = em.find(Nomination.class, nominationId);
    if (nomination == null || nomination.roundId() != roundId) {
      throw DomainException.notFound("Nomination", nominationId);
    }
    return nomination;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<NominationView> nominations(long roundId, Optional<MemberId> viewer) {
    round(roundId);
    List<Nomination> all =
        em.createQuery(
                "SELECT n FROM Nomination n WHERE n.roundId = :r ORDER BY n.id", Nomination.class)
            .setParameter("r", roundId)
            .getResultList();
    Map<Long, List<Answer>> answers = new HashMap<>();
    em.createQuery(
            "SELECT a FROM NomineeAnswer a WHERE a.nominationId IN"
                + " (SELECT n.id FROM Nomination n WHERE n.roundId = :r)",
            NomineeAnswer.class)
        .setParameter("r", roundId)
        .getResultStream()
        .forEach(
            a ->
                answers
                    .computeIfAbsent(a.nominationId(), k -> new ArrayList<>())
                    .add(new Answer(a.questionId(), a.body(), a.answeredAt())));
    Set<Long> endorsed = viewer.map(v -> endorsedBy(roundId, v)).orElse(Set.of());
    Map<Long, MemberRef> refs = new HashMap<>();
    List<NominationView> views = new ArrayList<>();
    for (Nomination n : all) {
      views.add(
          new NominationView(
              n.id(),
              n.roundId(),
              ref(refs, n.nominee()),
              ref(refs, n.nominatedBy()),
              n.status().wireName(),
              n.statusReason().orElse(null),
              n.statement(),
              n.memberType(),
              n.region(),
              n.deviceLine(),
              n.activity(),
              n.endorsements(),
              n.ballotPosition().orElse(null),
              answers.getOrDefault(n.id(), List.of()),
              viewer.isPresent() ? endorsed.contains(n.id()) : null));
    }
    return views;
  }

  private Set<Long> endorsedBy(long roundId, MemberId member) {
    Set<Long> ids = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT e.nomination_id FROM selection_endorsement e"
                    + " JOIN selection_nomination n ON n.id = e.nomination_id"
                    + " WHERE n.round_id = ? AND e.member_id = ?")) {
      s.setLong(1, roundId);
      s.setLong(2, member.value());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  MemberRef ref(Map<Long, MemberRef> cache, MemberId id) {
    return cache.computeIfAbsent(id.value(), k -> new MemberRef(k, member(id).displayName()));
  }

  Member member(MemberId id) {
    Member m = em.find(Member.class, id.value());
    if (m == null) {
      throw DomainException.notFound("Member", id);
    }
    return m;
  }

  // ---- questionnaire ----

  public RoundQuestion propose(long roundId, MemberId author, String body) {
    SelectionRound round = round(roundId);
    RoundPhase phase = round.phase(now());
    if (phase != RoundPhase.UPCOMING && phase != RoundPhase.NOMINATION) {
      throw closed(round, phase, "take questions");
    }
    RoundQuestion question = new RoundQuestion(roundId, author, body, now());
    em.persist(question);
    em.flush();
    return question;
  }

  public RoundQuestion question(long roundId, long questionId) {
    RoundQuestion q = em.find(RoundQuestion.class, questionId);
    if (q == null || q.roundId() != roundId) {
      throw DomainException.notFound("Question", questionId);
    }
    return q;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<QuestionView> questions(long roundId, Optional<MemberId> viewer) {
    round(roundId);
    Set<Long> upvoted = new HashSet<>();
    if (viewer.isPresent()) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT v.question_id FROM selection_question_vote v"
                      + " JOIN selection_question q ON q.id = v.question_id"
                      + " WHERE q.round_id = ? AND v.member_id = ?")) {
        s.setLong(1, roundId);
        s.setLong(2, viewer.get().value());
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            upvoted.add(rs.getLong(1));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    Map<Long, MemberRef> refs = new HashMap<>();
    return em.createQuery(
            "SELECT q FROM RoundQuestion q WHERE q.roundId = :r ORDER BY q.upvotes DESC, q.id",
            RoundQuestion.class)
        .setParameter("r", roundId)
        .getResultStream()
        .map(
            q ->
                new QuestionView(
                    q.id(),
                    q.body(),
                    q.upvotes(),
                    ref(refs, q.author()),
                    q.createdAt(),
                    viewer.isPresent() ? upvoted.contains(q.id()) : null))
        .toList();
  }

  public NomineeAnswer answer(
      long roundId, long nominationId, long questionId, MemberId nominee, String body) {
    SelectionRound round = round(roundId);
    RoundPhase phase = round.phase(now());
    if (phase != RoundPhase.NOMINATION && phase != RoundPhase.ENDORSEMENT) {
      throw closed(round, phase, "take answers");
    }
    Nomination nomination = ownNomination(roundId, nominationId, nominee);
    if (nomination.status() != NominationStatus.ACCEPTED
        && nomination.status() != NominationStatus.PENDING) {
      throw DomainException.conflict(
          "invalid-transition", "Not standing", "The nomination is " + nomination.status());
    }
    question(roundId, questionId);
    NomineeAnswer existing =
        em.find(NomineeAnswer.class, new NomineeAnswer.Key(nominationId, questionId));
    if (existing != null) {
      existing.revise(body, now());
      return existing;
    }
    NomineeAnswer answer = new NomineeAnswer(nominationId, questionId, body, now());
    em.persist(answer);
    return answer;
  }

  // ---- ballot form and pool ----

  public BallotForm ballotForm(long roundId, Optional<MemberId> viewer) {
    SelectionRound round = round(roundId);
    Instant now = now();
    freezeIfDue(round, now);
    return new BallotForm(
        roundId,
        round.phase(now).wireName(),
        round.seats(),
        shortlist(roundId),
        viewer.map(v -> hasVoted(roundId, v)).orElse(false));
  }

  /** The candidates on the ballot, in ballot-position order (empty before the freeze). */
  List<BallotCandidate> shortlist(long roundId) {
    Map<Long, MemberRef> refs = new HashMap<>();
    return em.createQuery(
            "SELECT n FROM Nomination n WHERE n.roundId = :r AND n.ballotPosition IS NOT NULL"
                + " ORDER BY n.ballotPosition",
            Nomination.class)
        .setParameter("r", roundId)
        .getResultStream()
        .map(
            n ->
                new BallotCandidate(
                    n.ballotPosition().orElseThrow(),
                    n.id(),
                    ref(refs, n.nominee()),
                    n.memberType(),
                    n.status() != NominationStatus.ACCEPTED))
        .toList();
  }

  /**
   * The eligible volunteers a sortition draw chooses from: the shortlist once drawn, otherwise
   * every standing nominee, with the attributes the quotas are set on.
   */
  public Pool pool(long roundId) {
    SelectionRound round = round(roundId);
    freezeIfDue(round, now());
    String query =
        round.shortlistFrozen() || round.phase(now()).compareTo(RoundPhase.VOTING) >= 0
            ? "SELECT n FROM Nomination n WHERE n.roundId = :r AND n.ballotPosition IS NOT NULL"
                + " AND n.status = :s ORDER BY n.ballotPosition"
            : "SELECT n FROM Nomination n WHERE n.roundId = :r AND n.status = :s ORDER BY n.id";
    Map<Long, MemberRef> refs = new HashMap<>();
    List<PoolMember> volunteers =
        em.createQuery(query, Nomination.class)
            .setParameter("r", roundId)
            .setParameter("s", NominationStatus.ACCEPTED)
            .getResultStream()
            .map(
                n ->
                    new PoolMember(
                        n.id(), ref(refs, n.nominee()), n.memberType(), n.region(), n.deviceLine()))
            .toList();
    return new Pool(
        roundId, round.selectionMethod().wireName(), round.seats(), quotas(round), volunteers);
  }

  boolean hasVoted(long roundId, MemberId member) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT 1 FROM selection_voter WHERE round_id = ? AND member_id = ?")) {
      s.setLong(1, roundId);
      s.setLong(2, member.value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- sanctions ----

  public Sanction sanction(MemberId manager, long memberId, String reason, Instant endsAt) {
    MemberId target = new MemberId(memberId);
    member(target);
    Sanction sanction = new Sanction(target, reason, endsAt, manager, now());
    em.persist(sanction);
    em.flush();
    audit.record(
        manager,
        "selection.sanction.create",
        "member",
        target.toString(),
        null,
        sanction.reason() + (endsAt == null ? " (indefinite)" : " until " + endsAt));
    return sanction;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Sanction> sanctionsOf(long memberId) {
    return em.createQuery(
            "SELECT s FROM Sanction s WHERE s.memberId = :m ORDER BY s.id DESC", Sanction.class)
        .setParameter("m", memberId)
        .getResultList();
  }

  // ---- shared ----

  static void requirePhase(SelectionRound round, Instant now, RoundPhase wanted, String what) {
    RoundPhase phase = round.phase(now);
    if (phase != wanted) {
      throw closed(round, phase, what);
    }
  }

  static DomainException closed(SelectionRound round, RoundPhase phase, String what) {
    return DomainException.conflict(
            "wrong-phase",
            "Not now",
            "Round "
                + round.id()
                + " is in its "
                + phase.wireName()
                + " phase and does not "
                + what
                + ".")
        .with("phase", phase.wireName());
  }
}
