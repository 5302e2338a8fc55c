package org.tribune.voting.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.voting.entity.IdeaStatus.DECLINED;
import static org.tribune.voting.entity.IdeaStatus.DUPLICATE;
import static org.tribune.voting.entity.IdeaStatus.IN_PROGRESS;
import static org.tribune.voting.entity.IdeaStatus.OPEN;
import static org.tribune.voting.entity.IdeaStatus.PLANNED;
import static org.tribune.voting.entity.IdeaStatus.SHIPPED;
import static org.tribune.voting.entity.IdeaStatus.UNDER_REVIEW;
import static org.tribune.voting.entity.IdeaStatus.VERIFIED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribune.platform.entity.DomainException;

class IdeaLifecycleTest {

  /** docs/api.md, "Ideas": the published steps, nothing more. */
  private static final Map<IdeaStatus, Set<IdeaStatus>> PUBLISHED =
      Map.of(
          OPEN, EnumSet.of(UNDER_REVIEW, DECLINED, DUPLICATE),
          UNDER_REVIEW, EnumSet.of(PLANNED, DECLINED, OPEN),
          PLANNED, EnumSet.of(IN_PROGRESS, DECLINED),
          IN_PROGRESS, EnumSet.of(SHIPPED, PLANNED),
          SHIPPED, EnumSet.of(VERIFIED),
          VERIFIED, EnumSet.noneOf(IdeaStatus.class),
          DECLINED, EnumSet.noneOf(IdeaStatus.class),
          DUPLICATE, EnumSet.noneOf(IdeaStatus.class));

  @Test
  void allowsExactlyThePublishedSteps() {
    for (IdeaStatus from : IdeaStatus.values()) {
      for (IdeaStatus to : IdeaStatus.values()) {
        assertEquals(
            PUBLISHED.get(from).contains(to),
            IdeaLifecycle.allows(from, to),
            from.wire() + " -> " + to.wire());
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "OPEN, UNDER_REVIEW",
    "OPEN, DECLINED",
    "UNDER_REVIEW, PLANNED",
    "UNDER_REVIEW, DECLINED",
    "UNDER_REVIEW, OPEN",
    "PLANNED, IN_PROGRESS",
    "PLANNED, DECLINED",
    "IN_PROGRESS, SHIPPED",
    "IN_PROGRESS, PLANNED",
    "SHIPPED, VERIFIED"
  })
  void everyAllowedStepWithAReasonAndBuildPasses(IdeaStatus from, IdeaStatus to) {
    assertDoesNotThrow(() -> IdeaLifecycle.checkStatusChange(from, to, "because", "14.0.3"));
  }

  @ParameterizedTest
  @CsvSource({
    "OPEN, PLANNED",
    "OPEN, SHIPPED",
    "UNDER_REVIEW, SHIPPED",
    "PLANNED, OPEN",
    "IN_PROGRESS, VERIFIED",
    "SHIPPED, OPEN",
    "VERIFIED, OPEN",
    "DECLINED, OPEN",
    "DUPLICATE, OPEN",
    "OPEN, OPEN"
  })
  void forbiddenStepIsAnInvalidTransition(IdeaStatus from, IdeaStatus to) {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> IdeaLifecycle.checkStatusChange(from, to, "because", "14.0.3"));
    assertEquals("invalid-transition", e.type());
    assertEquals(DomainException.Kind.CONFLICT, e.kind());
  }

  @Test
  void duplicateIsReachedOnlyByMerging() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> IdeaLifecycle.checkStatusChange(OPEN, DUPLICATE, "same as 12", null));
    assertEquals("invalid-transition", e.type());
    assertDoesNotThrow(() -> IdeaLifecycle.checkMerge(OPEN, "same as 12"));
  }

  @Test
  void planningNeedsATargetBuild() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> IdeaLifecycle.checkStatusChange(UNDER_REVIEW, PLANNED, "next sprint", " "));
    assertEquals("invalid-input", e.type());
    assertEquals("targetBuild", e.errors().get(0).field());
  }

  @Test
  void everyStepNeedsAReason() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> IdeaLifecycle.checkStatusChange(OPEN, UNDER_REVIEW, "  ", null));
    assertEquals("invalid-input", e.type());
    assertEquals("reason", e.errors().get(0).field());
  }

  @Test
  void onlyAnOpenIdeaCanBeMergedAway() {
    for (IdeaStatus from : IdeaStatus.values()) {
      if (from == OPEN) {
        continue;
      }
      DomainException e =
          assertThrows(DomainException.class, () -> IdeaLifecycle.checkMerge(from, "dup"));
      assertEquals("invalid-transition", e.type(), from.wire());
    }
  }

  @Test
  void closedStatusesAreTheOnesThatRefundVotes() {
    assertEquals(
        EnumSet.of(SHIPPED, VERIFIED, DECLINED, DUPLICATE),
        EnumSet.copyOf(
            java.util.Arrays.stream(IdeaStatus.values()).filter(IdeaStatus::closed).toList()));
    assertFalse(PLANNED.closed());
    assertTrue(IdeaStatus.fromWire("under_review").isPresent());
    assertTrue(IdeaStatus.fromWire("UNDER_REVIEW").isEmpty());
  }
}
