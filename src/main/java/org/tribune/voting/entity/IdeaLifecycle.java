package org.tribune.voting.entity;

import static org.tribune.voting.entity.IdeaStatus.DECLINED;
import static org.tribune.voting.entity.IdeaStatus.DUPLICATE;
import static org.tribune.voting.entity.IdeaStatus.IN_PROGRESS;
import static org.tribune.voting.entity.IdeaStatus.OPEN;
import static org.tribune.voting.entity.IdeaStatus.PLANNED;
import static org.tribune.voting.entity.IdeaStatus.SHIPPED;
import static org.tribune.voting.entity.IdeaStatus.UNDER_REVIEW;
import static org.tribune.voting.entity.IdeaStatus.VERIFIED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribune.platform.entity.DomainException;

/**
 * The published life cycle of an idea (docs/api.md, "Ideas"): which status may follow which, and
 * what each step needs. Every step carries a reason because the community sees the history; a plan
 * names its target build because "planned" without a build is a promise nobody can check. {@code
 * duplicate} is reachable only by merging, because a duplicate without the idea it duplicates would
 * strand its votes.
 *
 * <p>It lives next to {@link Idea} rather than in control because the aggregate consults it on
 * every status change; it is plain Java and has no state.
 */
public final class IdeaLifecycle {

  public static final int MAX_REASON = 1000;
  public static final int MAX_TARGET_BUILD = 100;

  private static final Map<IdeaStatus, Set<IdeaStatus>> STEPS = new EnumMap<>(IdeaStatus.class);

  static {
    STEPS.put(OPEN, EnumSet.of(UNDER_REVIEW, DECLINED, DUPLICATE));
    STEPS.put(UNDER_REVIEW, EnumSet.of(PLANNED, DECLINED, OPEN));
    STEPS.put(PLANNED, EnumSet.of(IN_PROGRESS, DECLINED));
    STEPS.put(IN_PROGRESS, EnumSet.of(SHIPPED, PLANNED));
    STEPS.put(SHIPPED, EnumSet.of(VERIFIED));
    STEPS.put(VERIFIED, EnumSet.noneOf(IdeaStatus.class));
    STEPS.put(DECLINED, EnumSet.noneOf(IdeaStatus.class));
    STEPS.put(DUPLICATE, EnumSet.noneOf(IdeaStatus.class));
  }

  private IdeaLifecycle() {}

  public static boolean allows(IdeaStatus from, IdeaStatus to) {
    return STEPS.get(from).contains(to);
  }

  public static Set<IdeaStatus> stepsFrom(IdeaStatus from) {
    Set<IdeaStatus> steps = EnumSet.noneOf(IdeaStatus.class);
    steps.addAll(STEPS.get(from));
    return steps;
  }

  /**
   * Checks a community manager's status change. Throws {@code invalid-input} for a missing reason
   * or target build and {@code invalid-transition} for a step the current status does not allow.
   */
  public static void checkStatusChange(
      IdeaStatus from, IdeaStatus to, String reason, String targetBuild) {
    requireReason(reason);
    if (targetBuild != null && targetBuild.strip().length() > MAX_TARGET_BUILD) {
      throw DomainException.invalid(
          "targetBuild", "must be at most " + MAX_TARGET_BUILD + " characters");
    }
    if (to == DUPLICATE) {
      throw invalidTransition(
          "An idea becomes duplicate only by merging it into another idea"
              + " (POST /api/v1/ideas/{id}/merge).");
    }
    if (!allows(from, to)) {
      throw invalidTransition(describe(from, to));
    }
    if (to == PLANNED && (targetBuild == null || targetBuild.isBlank())) {
      throw DomainException.invalid("targetBuild", "is required when the status is planned");
    }
  }

  /** Checks that an idea with this status may be merged away (become a duplicate). */
  public static void checkMerge(IdeaStatus from, String reason) {
    requireReason(reason);
    if (!allows(from, DUPLICATE)) {
      throw invalidTransition(describe(from, DUPLICATE));
    }
  }

  static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("reason", "is required");
    }
    if (reason.strip().length() > MAX_REASON) {
      throw DomainException.invalid("reason", "must be at most " + MAX_REASON + " characters");
    }
  }

  private static String describe(IdeaStatus from, IdeaStatus to) {
    Set<IdeaStatus> steps = STEPS.get(from);
    String allowed =
        steps.isEmpty()
            ? "none, it is final"
            : steps.stream().map(IdeaStatus::wire).collect(Collectors.joining(", "));
    return "An idea that is "
        + from.wire()
        + " cannot become "
        + to.wire()
        + " (allowed: "
        + allowed
        + ").";
  }

  private static DomainException invalidTransition(String detail) {
    return DomainException.conflict("invalid-transition", "Invalid status transition", detail);
  }
}
