package org.tribune.qa.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribune.platform.entity.DomainException;

/** Every pair of states: the published steps are allowed, every other step is refused. */
class InquiryLifecycleTest {

  /** docs/api.md, "Q&A": the published steps, nothing more. */
  private static final Map<InquiryState, Set<InquiryState>> PUBLISHED_STEPS =
      Map.ofEntries(
          Map.entry(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN)),
          Map.entry(
              SUBMITTED, EnumSet.of(TRIAGED, REJECTED, MERGED, CLARIFICATION_REQUESTED, WITHDRAWN)),
          Map.entry(CLARIFICATION_REQUESTED, EnumSet.of(SUBMITTED, WITHDRAWN)),
          Map.entry(TRIAGED, EnumSet.of(ASSIGNED, MERGED, WITHDRAWN)),
          Map.entry(ASSIGNED, EnumSet.of(ANSWERED, WITHDRAWN)),
          Map.entry(ANSWERED, EnumSet.of(SCHEDULED, PUBLISHED)),
          Map.entry(SCHEDULED, EnumSet.of(DISCUSSED)),
          Map.entry(DISCUSSED, EnumSet.of(PUBLISHED)),
          Map.entry(PUBLISHED, EnumSet.of(ASSIGNED)),
          Map.entry(REJECTED, EnumSet.noneOf(InquiryState.class)),
          Map.entry(MERGED, EnumSet.noneOf(InquiryState.class)),
          Map.entry(WITHDRAWN, EnumSet.noneOf(InquiryState.class)));

  static Stream<Arguments> allPairs() {
    return Stream.of(InquiryState.values())
        .flatMap(from -> Stream.of(InquiryState.values()).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("allPairs")
  void allowsExactlyThePublishedSteps(InquiryState from, InquiryState to) {
    boolean published = PUBLISHED_STEPS.get(from).contains(to);
    assertEquals(published, InquiryLifecycle.allows(from, to));
    if (published) {
      InquiryLifecycle.check(from, to);
    } else {
      DomainException refused =
          assertThrows(DomainException.class, () -> InquiryLifecycle.check(from, to));
      assertEquals("invalid-transition", refused.type());
      assertEquals(DomainException.Kind.CONFLICT, refused.kind());
    }
  }
}
