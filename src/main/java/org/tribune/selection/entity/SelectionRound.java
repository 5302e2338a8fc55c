package org.tribune.selection.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.DomainException.FieldError;
import org.tribune.platform.entity.InstantColumn;

/**
 * A selection round, the aggregate root of selection.
 *
 * <p>Life cycle: a community manager creates it with seats, quotas, a {@link RoundTimeline}, floors
 * and a method. The phase follows from the timeline and the clock (upcoming → nomination →
 * endorsement → voting → counting); a manager may end the running phase early, never reopen one.
 * After voting closes a manager counts the round, which publishes its results ({@code published});
 * a manager may cancel a round that is not yet published.
 *
 * <p>Counters ({@code endorsements_cast}, {@code ballots_cast}), the shortlist freeze and the count
 * are written with plain JDBC by the vote ingest's writers and the count, in the transactions that
 * change what they count; this entity maps them read-only so that an update of the timeline can
 * never overwrite them with a stale value.
 */
@Entity
@Table(name = "selection_round")
public class SelectionRound {

  public static final int MAX_SEATS = 50;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private String method;

  @Column(nullable = false)
  private int seats;

  @Column(name = "shortlist_size", nullable = false)
  private int shortlistSize;

  @Embedded private RoundTimeline timeline;

  @Column(name = "min_account_days", nullable = false)
  private int minAccountDays;

  @Column(name = "min_activity", nullable = false)
  private int minActivity;

  @Column(name = "activity_window_days", nullable = false)
  private int activityWindowDays;

  @Column(name = "nomination_cap", nullable = false)
  private int nominationCap;

  @Column(name = "voter_min_account_days", nullable = false)
  private int voterMinAccountDays;

  @Column(name = "term_days", nullable = false)
  private int termDays;

  @Column(name = "recall_threshold", nullable = false)
  private int recallThreshold;

  @Column(nullable = false)
  private String seed;

  @Column(name = "seed_sha256", nullable = false)
  private String seedSha256;

  @Column(name = "recall_of")
  private Long recallOf;

  @Column(name = "shortlist_frozen", nullable = false, updatable = false)
  private boolean shortlistFrozen;

  @Column(name = "endorsements_cast", nullable = false, updatable = false)
  private long endorsementsCast;

  @Column(name = "ballots_cast", nullable = false, updatable = false)
  private long ballotsCast;

  @Convert(converter = InstantColumn.class)
  @Column(name = "counted_at", updatable = false)
  private Instant countedAt;

  @Column(name = "blt_sha256", updatable = false)
  private String bltSha256;

  @Column(name = "winners", updatable = false)
  private String winners;

  @Convert(converter = InstantColumn.class)
  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "created_by", nullable = false)
  private long createdBy;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "selection_quota", joinColumns = @JoinColumn(name = "round_id"))
  private List<RoundQuota> quotas = new ArrayList<>();

  protected SelectionRound() {}

  /**
   * Validates everything at once and opens a round. The seed breaks strong ties in the count; the
   * caller draws it at random and gives its SHA-256, which is public from the start.
   */
  public static SelectionRound create(
      String title,
      String description,
      String method,
      RoundRules rules,
      RoundTimeline timeline,
      List<RoundQuota> quotas,
      Long recallOf,
      MemberId createdBy,
      String seed,
      String seedSha256,
      Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (title == null || title.isBlank() || title.strip().length() > 140) {
      errors.add(new FieldError("title", "is required, at most 140 characters"));
    }
    if (description != null && description.length() > 4000) {
      errors.add(new FieldError("description", "must be at most 4000 characters"));
    }
    Optional<SelectionMethod> chosen = SelectionMethod.fromWire(method);
    if (chosen.isEmpty()) {
      errors.add(new FieldError("method", "must be stv, sortition, combined or stv_by_type"));
    }
    if (rules.seats() < 1 || rules.seats() > MAX_SEATS) {
      errors.add(new FieldError("seats", "must be between 1 and " + MAX_SEATS));
    }
    if (rules.shortlistSize() != 0 && rules.shortlistSize() < rules.seats()) {
      errors.add(new FieldError("shortlistSize", "must be 0 (everyone) or at least the seats"));
    } else if (chosen.orElse(null) == SelectionMethod.COMBINED
        && rules.shortlistSize() <= rules.seats()) {
      errors.add(
          new FieldError(
              "shortlistSize",
              "a combined round draws a shortlist larger than the seats by lot, then elects"));
    }
    nonNegative(errors, "minAccountDays", rules.minAccountDays());
    nonNegative(errors, "minActivity", rules.minActivity());
    nonNegative(errors, "nominationCap", rules.nominationCap());
    nonNegative(errors, "voterMinAccountDays", rules.voterMinAccountDays());
    nonNegative(errors, "recallThreshold", rules.recallThreshold());
    if (rules.activityWindowDays() < 1 || rules.activityWindowDays() > 3650) {
      errors.add(new FieldError("activityWindowDays", "must be between 1 and 3650"));
    }
    if (rules.termDays() < 1 || rules.termDays() > 3650) {
      errors.add(new FieldError("termDays", "must be between 1 and 3650"));
    }
    if (rules.nominationCap() != 0 && rules.nominationCap() < rules.seats()) {
      errors.add(new FieldError("nominationCap", "must be 0 (no cap) or at least the seats"));
    }
    checkQuotas(quotas, rules.seats(), errors);
    if (chosen.orElse(null) == SelectionMethod.STV_BY_TYPE) {
      checkSeatsByType(quotas, rules.seats(), errors);
    }
    if (!errors.isEmpty()) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "invalid-input",
          "Invalid input",
          errors.get(0).field() + ": " + errors.get(0).message(),
          errors);
    }
    SelectionRound round = new SelectionRound();
    round.title = title.strip();
    round.description = description == null ? "" : description.strip();
    round.method = chosen.get().wireName();
    round.seats = rules.seats();
    round.shortlistSize = rules.shortlistSize();
    round.timeline = timeline;
    round.minAccountDays = rules.minAccountDays();
    round.minActivity = rules.minActivity();
    round.activityWindowDays = rules.activityWindowDays();
    round.nominationCap = rules.nominationCap();
    round.voterMinAccountDays = rules.voterMinAccountDays();
    round.termDays = rules.termDays();
    round.recallThreshold = rules.recallThreshold();
    round.seed = seed;
    round.seedSha256 = seedSha256;
    round.recallOf = recallOf;
    round.createdBy = createdBy.value();
    round.createdAt = now;
    round.quotas.addAll(quotas);
    return round;
  }

  private static void nonNegative(List<FieldError> errors, String field, int value) {
    if (value < 0) {
      errors.add(new FieldError(field, "must not be negative"));
    }
  }

  /**
   * Quotas are checked for what no panel could ever meet; whether nominees can meet them is not.
   */
  static void checkQuotas(List<RoundQuota> quotas, int seats, List<FieldError> errors) {
    Set<String> seen = new HashSet<>();
    Map<String, Integer> minimums = new HashMap<>();
    for (RoundQuota q : quotas) {
      String where = "quotas[" + q.category() + "=" + q.feature() + "]";
      if (q.feature() == null || q.feature().isBlank() || q.feature().length() > 40) {
        errors.add(new FieldError("quotas", "every quota needs a feature of 1–40 characters"));
        continue;
      }
      if (!seen.add(q.category() + "\u0000" + q.feature())) {
        errors.add(new FieldError(where, "appears twice"));
      }
      if (q.minSeats() < 0 || q.maxSeats() < q.minSeats() || q.maxSeats() > seats) {
        errors.add(new FieldError(where, "needs 0 ≤ min ≤ max ≤ seats"));
      }
      minimums.merge(q.category(), q.minSeats(), Integer::sum);
    }
    minimums.forEach(
        (category, sum) -> {
          if (sum > seats) {
            errors.add(
                new FieldError(
                    "quotas",
                    "the minimums for "
                        + category
                        + " add up to "
                        + sum
                        + ", more than the seats"));
          }
        });
  }

  /**
   * STV within each member type: every quota is a member type's seats (min = max ≥ 1), and the
   * seats of the types add up to the round's seats.
   */
  static void checkSeatsByType(List<RoundQuota> quotas, int seats, List<FieldError> errors) {
    int sum = 0;
    for (RoundQuota q : quotas) {
      if (!q.category().equals(QuotaCategory.MEMBER_TYPE.wireName())
          || q.minSeats() != q.maxSeats()
          || q.minSeats() < 1) {
        errors.add(
            new FieldError(
                "quotas",
                "stv_by_type: every quota gives a member type its seats (category member_type,"
                    + " min = max ≥ 1); "
                    + q.category()
                    + "="
                    + q.feature()
                    + " does not"));
        return;
      }
      sum += q.minSeats();
    }
    if (quotas.isEmpty() || sum != seats) {
      errors.add(
          new FieldError(
              "quotas",
              "stv_by_type: the member types' seats add up to "
                  + sum
                  + ", not to the round's "
                  + seats
                  + " seats"));
    }
  }

  /** For STV within each member type: the seats of each type, in the order of the quotas. */
  public Map<String, Integer> seatsByType() {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    for (RoundQuota q : quotas) {
      out.put(q.feature(), q.minSeats());
    }
    return out;
  }

  public RoundPhase phase(Instant now) {
    if (cancelledAt != null) {
      return RoundPhase.CANCELLED;
    }
    if (countedAt != null) {
      return RoundPhase.PUBLISHED;
    }
    return timeline.phaseAt(now);
  }

  /** Ends the running phase now, so that the next one starts. */
  public void advance(Instant now) {
    RoundPhase phase = phase(now);
    if (phase == RoundPhase.CANCELLED || phase == RoundPhase.PUBLISHED) {
      throw DomainException.conflict(
          "invalid-transition", "Round closed", "Round " + id + " is " + phase.wireName() + ".");
    }
    timeline = timeline.advancedAt(now);
  }

  public void cancel(Instant now) {
    if (countedAt != null || cancelledAt != null) {
      throw DomainException.conflict(
          "invalid-transition",
          "Round closed",
          "Round " + id + " is already " + phase(now).wireName() + ".");
    }
    cancelledAt = now;
  }

  public SelectionMethod selectionMethod() {
    return SelectionMethod.fromWire(method).orElseThrow();
  }

  public long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public int seats() {
    return seats;
  }

  public RoundRules rules() {
    return new RoundRules(
        seats,
        shortlistSize,
        minAccountDays,
        minActivity,
        activityWindowDays,
        nominationCap,
        voterMinAccountDays,
        termDays,
        recallThreshold);
  }

  public RoundTimeline timeline() {
    return timeline;
  }

  public List<RoundQuota> quotas() {
    return List.copyOf(quotas);
  }

  /** The tie-break seed, public only once the round is counted. */
  public Optional<String> publishedSeed() {
    return countedAt == null ? Optional.empty() : Optional.of(seed);
  }

  /** The seed for the count itself. */
  public String seed() {
    return seed;
  }

  public String seedSha256() {
    return seedSha256;
  }

  public Optional<Long> recallOf() {
    return Optional.ofNullable(recallOf);
  }

  public boolean shortlistFrozen() {
    return shortlistFrozen;
  }

  public long endorsementsCast() {
    return endorsementsCast;
  }

  public long ballotsCast() {
    return ballotsCast;
  }

  public Optional<Instant> countedAt() {
    return Optional.ofNullable(countedAt);
  }

  public Optional<String> bltSha256() {
    return Optional.ofNullable(bltSha256);
  }

  public Optional<Instant> cancelledAt() {
    return Optional.ofNullable(cancelledAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public MemberId createdBy() {
    return new MemberId(createdBy);
  }
}
