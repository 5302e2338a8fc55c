package org.tribune.voting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.voting.entity.ModerationDecision.Verdict;

class IdeaTest {

  private static final MemberId AUTHOR = new MemberId(1);
  private static final MemberId OTHER = new MemberId(2);
  private static final MemberId MANAGER = new MemberId(3);
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void submittedIdeaIsOpenWithItsFirstHistoryEntry() {
    Idea idea = idea(10);
    assertEquals(IdeaStatus.OPEN, idea.status());
    assertEquals(1, idea.history().size());
    assertNull(idea.history().get(0).from());
    assertEquals(IdeaStatus.OPEN, idea.history().get(0).to());
    assertEquals(AUTHOR, idea.history().get(0).actor());
  }

  @Test
  void authorEditsTextBeforeTheFirstVote() {
    Idea idea = idea(10);
    idea.edit(AUTHOR, "Dark mode everywhere", null, false, NOW);
    assertEquals("Dark mode everywhere", idea.title());
    assertEquals("Make every screen dark at night.", idea.body());
  }

  @Test
  void someoneElseCannotEdit() {
    DomainException e =
        assertThrows(
            DomainException.class, () -> idea(10).edit(OTHER, "Dark mode now", null, false, NOW));
    assertEquals("forbidden", e.type());
  }

  @Test
  void textIsFrozenOnceAVoteWasCast() {
    Idea idea = idea(10);
    DomainException e =
        assertThrows(
            DomainException.class, () -> idea.edit(AUTHOR, "Dark mode now", null, true, NOW));
    assertEquals("text-frozen", e.type());
    assertEquals(DomainException.Kind.UNPROCESSABLE, e.kind());
    assertEquals("Dark mode", idea.title());
  }

  @Test
  void frozenIdeaStillTakesTheAuthorsClarification() {
    Idea idea = idea(10);
    idea.clarify(AUTHOR, "I mean the settings screen too.", NOW);
    assertEquals(1, idea.clarifications().size());
    DomainException e =
        assertThrows(DomainException.class, () -> idea.clarify(OTHER, "Me too!", NOW));
    assertEquals("forbidden", e.type());
  }

  @Test
  void closedIdeaCannotBeEdited() {
    Idea idea = idea(10);
    idea.changeStatus(IdeaStatus.DECLINED, "Out of scope", null, MANAGER, NOW);
    DomainException e =
        assertThrows(
            DomainException.class, () -> idea.edit(AUTHOR, "Dark mode again", null, false, NOW));
    assertEquals("idea-closed", e.type());
  }

  @Test
  void statusChangeRecordsReasonBuildAndHistory() {
    Idea idea = idea(10);
    idea.changeStatus(IdeaStatus.UNDER_REVIEW, "Looking at it", null, MANAGER, NOW);
    idea.changeStatus(IdeaStatus.PLANNED, "Next ROM", " 14.0.3 ", MANAGER, NOW);
    assertEquals(IdeaStatus.PLANNED, idea.status());
    assertEquals("Next ROM", idea.statusReason());
    assertEquals("14.0.3", idea.targetBuild());
    assertEquals(3, idea.history().size());
    StatusChange last = idea.history().get(2);
    assertEquals(IdeaStatus.UNDER_REVIEW, last.from());
    assertEquals(IdeaStatus.PLANNED, last.to());
    assertEquals(MANAGER, last.actor());
  }

  @Test
  void refusedStatusChangeChangesNothing() {
    Idea idea = idea(10);
    assertThrows(
        DomainException.class,
        () -> idea.changeStatus(IdeaStatus.SHIPPED, "Done", "14.0.3", MANAGER, NOW));
    assertEquals(IdeaStatus.OPEN, idea.status());
    assertEquals(1, idea.history().size());
    assertNull(idea.targetBuild());
  }

  @Test
  void mergeMakesTheIdeaADuplicateOfTheTarget() {
    Idea from = idea(10);
    Idea into = idea(11);
    from.mergeInto(into, "Same as 11", MANAGER, NOW);
    assertEquals(IdeaStatus.DUPLICATE, from.status());
    assertEquals(11L, from.mergedInto());
    assertEquals("Same as 11", from.statusReason());
    assertEquals(IdeaStatus.DUPLICATE, from.history().get(1).to());
    assertEquals(IdeaStatus.OPEN, into.status());
  }

  @Test
  void ideaCannotBeMergedIntoItself() {
    Idea idea = idea(10);
    assertMergeRefused("merge-into-self", idea, idea);
    assertMergeRefused("merge-into-self", idea, idea(10));
  }

  @Test
  void mergeIntoADuplicateWouldChainAndIsRefused() {
    Idea target = idea(11);
    target.mergeInto(idea(12), "Same as 12", MANAGER, NOW);
    DomainException e = assertMergeRefused("merge-chain", idea(10), target);
    assertEquals(12L, e.extensions().get("mergedInto"));
  }

  @Test
  void mergeIntoAClosedIdeaIsRefused() {
    Idea target = idea(11);
    target.changeStatus(IdeaStatus.DECLINED, "No", null, MANAGER, NOW);
    assertMergeRefused("merge-target-closed", idea(10), target);
  }

  @Test
  void mergeIntoAHiddenIdeaIsRefused() {
    Idea target = idea(11);
    target.hidePendingReview(NOW);
    assertMergeRefused("merge-target-hidden", idea(10), target);
  }

  @Test
  void onlyAnOpenIdeaCanBeMergedAway() {
    Idea from = idea(10);
    from.changeStatus(IdeaStatus.UNDER_REVIEW, "Looking", null, MANAGER, NOW);
    assertMergeRefused("invalid-transition", from, idea(11));
  }

  @Test
  void mergeNeedsAReason() {
    DomainException e =
        assertThrows(DomainException.class, () -> idea(10).mergeInto(idea(11), "", MANAGER, NOW));
    assertEquals("reason", e.errors().get(0).field());
  }

  @Test
  void moderatorRestoresOrKeepsHidden() {
    Idea idea = idea(10);
    idea.hidePendingReview(NOW);
    assertTrue(idea.hidden());
    assertEquals(Verdict.RESTORE, idea.moderate(Verdict.RESTORE, "Fine", MANAGER, NOW).decision());
    assertFalse(idea.hidden());
    idea.moderate(Verdict.KEEP_HIDDEN, "Spam", MANAGER, NOW);
    assertTrue(idea.hidden());
  }

  private static DomainException assertMergeRefused(String type, Idea from, Idea into) {
    IdeaStatus before = from.status();
    DomainException e =
        assertThrows(DomainException.class, () -> from.mergeInto(into, "dup", MANAGER, NOW));
    assertEquals(type, e.type());
    assertEquals(before, from.status());
    return e;
  }

  private static Idea idea(long id) {
    Idea idea =
        Idea.submit(new IdeaText("Dark mode", "Make every screen dark at night."), AUTHOR, NOW);
    try {
      Field field = Idea.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(idea, id);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return idea;
  }
}
