package org.tribune.demo.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.tribune.identity.entity.MemberId;
import org.tribune.selection.boundary.RoundLifecycle;
import org.tribune.selection.boundary.RoundPublication;
import org.tribune.selection.boundary.RoundViews;
import org.tribune.selection.boundary.SelectionVotes;

/**
 * The demo's finished selection round: twelve nominees, a questionnaire, endorsements and ranked
 * ballots from the whole demo community (through the vote ingest like anyone's), counted by Meek
 * STV and published, with nine delegates of different member types. The phases are advanced by the
 * community manager, as a manager would close them early.
 */
@ApplicationScoped
public class DemoSelection {

  private static final Logger LOG = Logger.getLogger(DemoSelection.class.getName());

  private static final List<String> NOMINEES =
      List.of(
          "ming", "ana", "raj", "wei", "ola", "kenji", "fang", "lena", "sara", "yu", "diego",
          "hui");

  @Inject RoundLifecycle rounds;
  @Inject SelectionVotes votes;
  @Inject RoundPublication publication;

  /** Runs a whole round among the demo members (keys as in {@link DemoSeeding}). */
  public void seed(Map<String, Long> members) {
    MemberId lin = new MemberId(members.get("lin"));
    Instant now = Instant.now();
    var quotas = new ArrayList<RoundViews.QuotaBody>();
    for (String type : List.of("enthusiast", "developer", "power_user", "casual", "creator")) {
      quotas.add(new RoundViews.QuotaBody("member_type", type, 1, 3));
    }
    long round =
        rounds
            .create(
                lin,
                new RoundViews.RoundRequest(
                    "2027 community delegates",
                    "Nine delegates of different kinds of users, to question the product teams at"
                        + " the New Year session.",
                    "stv",
                    9,
                    11,
                    now.minus(Duration.ofMinutes(1)),
                    now.plus(Duration.ofDays(7)),
                    now.plus(Duration.ofDays(10)),
                    now.plus(Duration.ofDays(17)),
                    14,
                    0,
                    180,
                    30,
                    7,
                    365,
                    6,
                    quotas))
            .id();
    Map<String, Long> nominations = new LinkedHashMap<>();
    for (String key : NOMINEES) {
      nominations.put(
          key,
          rounds
              .nominate(
                  round,
                  new MemberId(members.get(key)),
                  null,
                  "I use my phone every day and will ask what the community asks.")
              .id());
    }
    long q1 =
        rounds
            .propose(
                round,
                new MemberId(members.get("tom")),
                "Which problem would you raise first with the battery team?")
            .id();
    long q2 = rounds.propose(round, new MemberId(members.get("ivan")), "在新年会议上你最想问哪个部门？").id();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (String key : List.of("ana", "tom", "ivan", "mei", "nora", "sam")) {
      pending.add(votes.upvote(round, q1, new MemberId(members.get(key))).toCompletableFuture());
    }
    for (String key : List.of("ming", "wei", "fang")) {
      pending.add(votes.upvote(round, q2, new MemberId(members.get(key))).toCompletableFuture());
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    rounds.answer(
        round,
        nominations.get("ola"),
        q1,
        new MemberId(members.get("ola")),
        "Overnight drain by background sync; I have logs from three builds.");
    rounds.answer(
        round, nominations.get("wei"), q2, new MemberId(members.get("wei")), "相机团队：夜景模式的噪点。");

    rounds.advance(lin, round, "Nominations complete");
    pending.clear();
    List<String> voters = new ArrayList<>(members.keySet());
    for (int v = 0; v < voters.size(); v++) {
      MemberId voter = new MemberId(members.get(voters.get(v)));
      for (int k = 0; k < 4; k++) {
        // Hui gets the fewest endorsements and stays off the ballot.
        String nominee = NOMINEES.get((v + k * 3) % (NOMINEES.size() - 1));
        pending.add(votes.endorse(round, nominations.get(nominee), voter).toCompletableFuture());
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();

    rounds.advance(lin, round, "Endorsement complete");
    List<Long> onBallot =
        rounds.ballotForm(round, Optional.empty()).candidates().stream()
            .map(RoundViews.BallotCandidate::nominationId)
            .toList();
    pending.clear();
    for (int v = 0; v < voters.size(); v++) {
      List<Long> ranking = new ArrayList<>();
      for (int k = 0; k < 5; k++) {
        Long choice = onBallot.get((v * 5 + k * 2) % onBallot.size());
        if (!ranking.contains(choice)) {
          ranking.add(choice);
        }
      }
      pending.add(
          votes
              .cast(round, new MemberId(members.get(voters.get(v))), ranking)
              .outcome()
              .toCompletableFuture());
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();

    rounds.advance(lin, round, "Voting complete");
    var results = publication.count(lin, round);
    LOG.info(
        () ->
            "Demo selection round "
                + round
                + " published: "
                + results.winners().size()
                + " delegates from "
                + results.ballots()
                + " ballots");
  }
}
