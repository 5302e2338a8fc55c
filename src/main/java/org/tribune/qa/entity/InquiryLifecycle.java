package org.tribune.qa.entity;

import static org.tribune.qa.entity.InquiryState.ANSWERED;
import static org.tribune.qa.entity.InquiryState.ASSIGNED;
import static org.tribune.qa.entity.InquiryState.CLARIFICATION_REQUESTED;
import static org.tribune.qa.entity.InquiryState.DISCUSSED;
import static org.tribune.qa.entity.InquiryState.DRAFT;
import static org.tribune.qa.entity.InquiryState.MERGED;
import static org.tribune.qa.entity.InquiryState.PUBLISHED;
import static org.tribune.qa.entity.InquiryState.REJECTED;
import static org.tribune.qa.entity.InquiryState.SCHEDULED;
import static org.tribune.qa.entity.InquiryState.SUBMITTED;
import static org.tribune.qa.entity.InquiryState.TRIAGED;
import static org.tribune.qa.entity.InquiryState.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribune.platform.entity.DomainException;

/**
 * The published life cycle of an inquiry (docs/api.md, "Q&amp;A"): which state may follow which.
 *
 * <pre>
 * draft → submitted → triaged → assigned → answered → scheduled → discussed → published
 *                   ↘ rejected | merged | clarification_requested (→ submitted, the clock restarts)
 * answered → published (answers released at once); published → assigned (revision requested)
 * draft, submitted, clarification_requested, triaged, assigned → withdrawn
 * </pre>
 *
 * Rejected, merged and withdrawn are final and stay visible. Transfers, holding answers,
 * classifications and corrections are events that do not change the state.
 */
public final class InquiryLifecycle {

  private static final Map<InquiryState, Set<InquiryState>> STEPS =
      new EnumMap<>(InquiryState.class);

  static {
    STEPS.put(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN));
    STEPS.put(SUBMITTED, EnumSet.of(TRIAGED, REJECTED, MERGED, CLARIFICATION_REQUESTED, WITHDRAWN));
    STEPS.put(CLARIFICATION_REQUESTED, EnumSet.of(SUBMITTED, WITHDRAWN));
    STEPS.put(TRIAGED, EnumSet.of(ASSIGNED, MERGED, WITHDRAWN));
    STEPS.put(ASSIGNED, EnumSet.of(ANSWERED, WITHDRAWN));
    STEPS.put(ANSWERED, EnumSet.of(SCHEDULED, PUBLISHED));
    STEPS.put(SCHEDULED, EnumSet.of(DISCUSSED));
    STEPS.put(DISCUSSED, EnumSet.of(PUBLISHED));
    STEPS.put(PUBLISHED, EnumSet.of(ASSIGNED));
    STEPS.put(REJECTED, EnumSet.noneOf(InquiryState.class));
    STEPS.put(MERGED, EnumSet.noneOf(InquiryState.class));
    STEPS.put(WITHDRAWN, EnumSet.noneOf(InquiryState.class));
  }

  private InquiryLifecycle() {}

  public static boolean allows(InquiryState from, InquiryState to) {
    return STEPS.get(from).contains(to);
  }

  public static Set<InquiryState> stepsFrom(InquiryState from) {
    Set<InquiryState> steps = EnumSet.noneOf(InquiryState.class);
    steps.addAll(STEPS.get(from));
    return steps;
  }

  /** Throws {@code 409 invalid-transition} unless the step is allowed. */
  public static void check(InquiryState from, InquiryState to) {
    if (!allows(from, to)) {
      Set<InquiryState> steps = STEPS.get(from);
      String allowed =
          steps.isEmpty()
              ? "none, it is final"
              : steps.stream().map(InquiryState::wire).collect(Collectors.joining(", "));
      throw DomainException.conflict(
          "invalid-transition",
          "Invalid status transition",
          "An inquiry that is "
              + from.wire()
              + " cannot become "
              + to.wire()
              + " (allowed: "
              + allowed
              + ").");
    }
  }
}
