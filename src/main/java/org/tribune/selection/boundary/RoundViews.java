package org.tribune.selection.boundary;

import java.time.Instant;
import java.util.List;

/** The wire shapes of selection rounds: requests and read models. */
public final class RoundViews {

  private RoundViews() {}

  public record QuotaBody(String category, String feature, Integer min, Integer max) {}

  /** A new round; absent numbers take the defaults documented in docs/api.md. */
  public record RoundRequest(
      String title,
      String description,
      String method,
      Integer seats,
      Integer shortlistSize,
      Instant nominationOpensAt,
      Instant nominationClosesAt,
      Instant endorsementClosesAt,
      Instant votingClosesAt,
      Integer minAccountDays,
      Integer minActivity,
      Integer activityWindowDays,
      Integer nominationCap,
      Integer voterMinAccountDays,
      Integer termDays,
      Integer recallThreshold,
      List<QuotaBody> quotas) {}

  public record Reason(String reason) {}

  public record NominationRequest(Long nomineeId, String statement) {}

  public record StatementBody(String statement) {}

  public record TextBody(String body) {}

  public record BallotRequest(List<Long> ranking) {}

  public record SanctionRequest(Long memberId, String reason, Instant endsAt) {}

  public record MemberRef(long id, String displayName) {}

  public record Timeline(
      Instant nominationOpensAt,
      Instant nominationClosesAt,
      Instant endorsementClosesAt,
      Instant votingClosesAt) {}

  public record Floors(
      int minAccountDays,
      int minActivity,
      int activityWindowDays,
      int nominationCap,
      int effectiveActivityFloor,
      int voterMinAccountDays) {}

  public record Quota(String category, String feature, int min, int max) {}

  public record RoundSummary(
      long id,
      String title,
      String method,
      int seats,
      String phase,
      Instant votingClosesAt,
      Instant countedAt) {}

  public record RoundView(
      long id,
      String title,
      String description,
      String method,
      int seats,
      int shortlistSize,
      String phase,
      Timeline timeline,
      Floors floors,
      int termDays,
      int recallThreshold,
      List<Quota> quotas,
      String seedSha256,
      String seed,
      long standingNominations,
      long endorsementsCast,
      long ballotsCast,
      Instant countedAt,
      Instant cancelledAt,
      Long recallOf,
      Boolean hasVoted) {}

  public record Answer(long questionId, String body, Instant answeredAt) {}

  public record NominationView(
      long id,
      long roundId,
      MemberRef nominee,
      MemberRef nominatedBy,
      String status,
      String statusReason,
      String statement,
      String memberType,
      String region,
      String deviceLine,
      int activity,
      long endorsements,
      Integer ballotPosition,
      List<Answer> answers,
      Boolean endorsedByMe) {}

  public record QuestionView(
      long id,
      String body,
      long upvotes,
      MemberRef author,
      Instant createdAt,
      Boolean upvotedByMe) {}

  public record Refusal(String code, String message) {}

  public record Eligibility(
      boolean canStand,
      List<Refusal> standRefusals,
      boolean canVote,
      List<Refusal> voteRefusals,
      long accountDays,
      int activity,
      int activityFloor) {}

  public record BallotCandidate(
      int position, long nominationId, MemberRef nominee, String memberType, boolean withdrawn) {}

  public record BallotForm(
      long roundId, String phase, int seats, List<BallotCandidate> candidates, boolean hasVoted) {}

  /** What the voter keeps: the receipt, and the nonce and ranking that reproduce it. */
  public record BallotReceiptView(
      long roundId, String receipt, String nonce, String ranking, List<Integer> positions) {}

  public record Count(long subjectId, long total) {}

  public record PoolMember(
      long nominationId, MemberRef member, String memberType, String region, String deviceLine) {}

  public record Pool(
      long roundId, String method, int seats, List<Quota> quotas, List<PoolMember> volunteers) {}

  public record DelegateView(
      long id,
      MemberRef member,
      long roundId,
      String roundTitle,
      int electedOrder,
      String memberType,
      String region,
      String deviceLine,
      Instant termStartsAt,
      Instant termEndsAt,
      String status,
      long recallSignatures,
      int recallThreshold,
      Long recallRoundId,
      List<Object> inquiries,
      List<Object> sessionsAttended,
      Instant endedAt,
      boolean seatVacant) {}

  public record SanctionView(
      long id, long memberId, String reason, Instant startsAt, Instant endsAt) {}
}
