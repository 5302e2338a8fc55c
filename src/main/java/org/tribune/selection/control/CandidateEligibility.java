package org.tribune.selection.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may stand and who may vote in a round, from facts about the member.
 *
 * <p>A nominee needs an account at least {@code minAccountDays} old, an activity score (see {@link
 * ActivityScore}) of at least the effective floor (the round's floor, raised by {@link
 * NominationCap} when the nominations are full), and no running sanction. An endorser or voter
 * needs an account at least {@code voterMinAccountDays} old and no running sanction. Each refusal
 * is returned with a stable code, so the member is told every reason at once.
 */
public final class CandidateEligibility {

  /** What is known about the member at the time of the check. */
  public record Facts(long accountDays, int activity, boolean sanctioned) {}

  /** One reason a member may not take part, with the floor and the member's value. */
  public record Refusal(String code, String message) {}

  private CandidateEligibility() {}

  public static List<Refusal> toStand(Facts facts, int minAccountDays, int activityFloor) {
    List<Refusal> refusals = new ArrayList<>();
    if (facts.accountDays() < minAccountDays) {
      refusals.add(
          new Refusal(
              "account-too-new",
              "the account is "
                  + facts.accountDays()
                  + " days old; nominees need "
                  + minAccountDays
                  + " days"));
    }
    if (facts.activity() < activityFloor) {
      refusals.add(
          new Refusal(
              "activity-too-low",
              "the activity score is "
                  + facts.activity()
                  + "; nominees need "
                  + activityFloor
                  + " now"));
    }
    if (facts.sanctioned()) {
      refusals.add(new Refusal("sanctioned", "a sanction is running on the account"));
    }
    return refusals;
  }

  public static List<Refusal> toVote(Facts facts, int voterMinAccountDays) {
    List<Refusal> refusals = new ArrayList<>();
    if (facts.accountDays() < voterMinAccountDays) {
      refusals.add(
          new Refusal(
              "account-too-new",
              "the account is "
                  + facts.accountDays()
                  + " days old; voters need "
                  + voterMinAccountDays
                  + " days"));
    }
    if (facts.sanctioned()) {
      refusals.add(new Refusal("sanctioned", "a sanction is running on the account"));
    }
    return refusals;
  }
}
