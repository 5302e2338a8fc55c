package org.tribune.voting.control;

/**
 * When flags hide an idea: once {@code flagsToHide} different members have flagged it since its
 * last review, it is hidden until a community manager restores it or keeps it hidden. Counting only
 * flags not yet reviewed means a restored idea is not hidden again by the same flags, while fresh
 * flags from other members can still bring it back to review. A member flags an idea at most once
 * (the table's key), so the count is a count of members.
 */
public final class FlagPolicy {

  public static final int DEFAULT_FLAGS_TO_HIDE = 3;

  private final int flagsToHide;

  public FlagPolicy(int flagsToHide) {
    if (flagsToHide < 1) {
      throw new IllegalArgumentException("flagsToHide must be at least 1, was " + flagsToHide);
    }
    this.flagsToHide = flagsToHide;
  }

  public int flagsToHide() {
    return flagsToHide;
  }

  /**
   * @param flagsPendingReview flags by different members that no moderator has reviewed yet,
   *     including the one just added
   */
  public boolean hides(long flagsPendingReview) {
    return flagsPendingReview >= flagsToHide;
  }
}
