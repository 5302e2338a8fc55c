package org.tribune.qa.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.qa.entity.Fixtures.DELEGATE;
import static org.tribune.qa.entity.Fixtures.LEAD;
import static org.tribune.qa.entity.Fixtures.MANAGER;
import static org.tribune.qa.entity.Fixtures.MONDAY;
import static org.tribune.qa.entity.Fixtures.OTHER_LEAD;
import static org.tribune.qa.entity.Fixtures.RESPONDER;
import static org.tribune.qa.entity.Fixtures.STRANGER;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

class InquiryTest {

  private static Instant days(int n) {
    return MONDAY.plus(Duration.ofDays(n));
  }

  @Test
  void submittingStartsTheClockAndGivesAReferenceNumber() {
    Inquiry inquiry = Fixtures.draft();
    inquiry.submit(DELEGATE, MONDAY);
    inquiry.numbered(MONDAY);
    assertEquals(InquiryState.SUBMITTED, inquiry.state());
    assertEquals(LocalDate.of(2026, 11, 2), inquiry.clockStartedOn());
    assertEquals(String.format("Q2026-%05d", inquiry.id()), inquiry.reference());
    assertEquals("submitted", inquiry.history().get(0).type());
  }

  @Test
  void onlyTheAuthorSubmits() {
    DomainException refused =
        assertThrows(DomainException.class, () -> Fixtures.draft().submit(STRANGER, MONDAY));
    assertEquals(DomainException.Kind.FORBIDDEN, refused.kind());
  }

  @Test
  void theAuthorCannotCoSignTheirOwnInquiry() {
    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                Inquiry.draft(
                    7,
                    DELEGATE,
                    InquiryKind.SUGGESTION,
                    "A heading",
                    "Text",
                    "None",
                    List.of(),
                    List.of(DELEGATE),
                    MONDAY));
    assertEquals("cosigners", refused.errors().get(0).field());
  }

  @Test
  void linksMustBeHttps() {
    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                Inquiry.draft(
                    7,
                    DELEGATE,
                    InquiryKind.QUESTION,
                    "A heading",
                    "Text",
                    "None",
                    List.of("javascript:alert(1)"),
                    List.of(),
                    MONDAY));
    assertEquals("links", refused.errors().get(0).field());
  }

  @Test
  void assigningCountsWorkingDaysOfTheDepartmentFromTheClockStart() {
    // Monday 2 Nov + 10 working days, with a holiday on Wednesday 4 Nov → Tuesday 17 Nov.
    Department system = Fixtures.department("System", LEAD, LocalDate.of(2026, 11, 4));
    Inquiry inquiry = Fixtures.assigned(system);
    assertEquals(LocalDate.of(2026, 11, 17), inquiry.dueOn());
    assertEquals(system.id(), inquiry.departmentId());
    assertEquals(InquiryState.ASSIGNED, inquiry.state());
  }

  @Test
  void aClarificationRestartsTheClock() {
    Department system = Fixtures.department("System", LEAD);
    Inquiry inquiry = Fixtures.submitted();
    inquiry.requestClarification(MANAGER, "Which model?", days(1));
    assertEquals(InquiryState.CLARIFICATION_REQUESTED, inquiry.state());
    inquiry.clarify(DELEGATE, "Xiaomi 14.", days(3));
    assertEquals(InquiryState.SUBMITTED, inquiry.state());
    assertEquals(LocalDate.of(2026, 11, 5), inquiry.clockStartedOn());
    inquiry.admit(MANAGER, days(3));
    inquiry.assign(system, 5, null, MANAGER, days(3));
    // Thursday 5 Nov + 5 working days → Thursday 12 Nov.
    assertEquals(LocalDate.of(2026, 11, 12), inquiry.dueOn());
  }

  @Test
  void theFirstDepartmentStaysResponsibleUntilTheSecondAccepts() {
    Department system = Fixtures.department("System", LEAD);
    Department camera = Fixtures.department("Camera", OTHER_LEAD);
    Department battery = Fixtures.department("Battery", OTHER_LEAD);
    Inquiry inquiry = Fixtures.assigned(system);
    LocalDate due = inquiry.dueOn();

    inquiry.requestTransfer(camera, RESPONDER, days(1));
    assertEquals(system.id(), inquiry.departmentId());
    assertEquals(camera.id(), inquiry.transferTo());

    DomainException wrong =
        assertThrows(
            DomainException.class, () -> inquiry.acceptTransfer(battery, OTHER_LEAD, days(2)));
    assertEquals("no-transfer-pending", wrong.type());
    assertEquals(system.id(), inquiry.departmentId());

    inquiry.acceptTransfer(camera, OTHER_LEAD, days(2));
    assertEquals(camera.id(), inquiry.departmentId());
    assertNull(inquiry.transferTo());
    assertEquals(due, inquiry.dueOn());
    assertEquals(
        List.of("submitted", "triaged", "assigned", "transfer_requested", "transferred"),
        inquiry.history().stream().map(InquiryEvent::type).toList());
  }

  @Test
  void aDeclinedTransferLeavesTheFirstDepartmentResponsible() {
    Department system = Fixtures.department("System", LEAD);
    Department camera = Fixtures.department("Camera", OTHER_LEAD);
    Inquiry inquiry = Fixtures.assigned(system);
    inquiry.requestTransfer(camera, RESPONDER, days(1));
    inquiry.declineTransfer(camera, OTHER_LEAD, days(1));
    assertNull(inquiry.transferTo());
    assertEquals(system.id(), inquiry.departmentId());
    assertThrows(DomainException.class, () -> inquiry.acceptTransfer(camera, OTHER_LEAD, days(2)));
  }

  @Test
  void aHoldingAnswerDoesNotStopTheClock() {
    Department system = Fixtures.department("System", LEAD);
    Inquiry inquiry = Fixtures.assigned(system);
    inquiry.holdingAnswer(RESPONDER, days(5));
    assertEquals(InquiryState.ASSIGNED, inquiry.state());
    LocalDate dayAfterDue = system.calendar().plusWorkingDays(inquiry.dueOn(), 1);
    assertEquals(Lateness.OVERDUE, inquiry.lateness(dayAfterDue, system.calendar()));
  }

  @Test
  void aHeldAnswerGoesThroughTheSessionBeforePublication() {
    Department system = Fixtures.department("System", LEAD);
    Inquiry inquiry = Fixtures.assigned(system);
    inquiry.answered(LEAD, days(4));
    inquiry.schedule(1, MANAGER, days(5));
    inquiry.discuss(MANAGER, days(6));
    assertEquals(InquiryState.DISCUSSED, inquiry.state());
    inquiry.publish(MANAGER, days(6));
    inquiry.classify(DELEGATE, Satisfaction.PARTLY, days(7));
    assertEquals(Satisfaction.PARTLY, inquiry.satisfaction());
    assertEquals(
        Lateness.NOT_DUE,
        inquiry.lateness(
            days(90).atZone(java.time.ZoneOffset.UTC).toLocalDate(), system.calendar()));
  }

  @Test
  void anAnswerReleasedAtOnceIsStillDiscussedWithoutLeavingPublished() {
    Department system = Fixtures.department("System", LEAD);
    Inquiry inquiry = Fixtures.assigned(system);
    inquiry.answered(LEAD, days(1));
    inquiry.publish(LEAD, days(1));
    inquiry.schedule(2, MANAGER, days(2));
    inquiry.discuss(MANAGER, days(3));
    assertEquals(InquiryState.PUBLISHED, inquiry.state());
    assertThrows(DomainException.class, () -> inquiry.discuss(MANAGER, days(3)));
  }

  @Test
  void aRevisionRequestReassignsOnAFreshClock() {
    Department system = Fixtures.department("System", LEAD);
    Inquiry inquiry = Fixtures.assigned(system);
    inquiry.answered(LEAD, days(1));
    inquiry.publish(LEAD, days(1));
    assertThrows(
        DomainException.class,
        () -> inquiry.requestRevision(STRANGER, "Not answered", system, 10, days(2)));
    inquiry.requestRevision(DELEGATE, "The second part was not answered.", system, 5, days(7));
    assertEquals(InquiryState.ASSIGNED, inquiry.state());
    assertEquals(LocalDate.of(2026, 11, 9), inquiry.clockStartedOn());
    assertEquals(LocalDate.of(2026, 11, 16), inquiry.dueOn());
  }

  @Test
  void classifyingNeedsAPublishedAnswerAndTheAuthor() {
    Department system = Fixtures.department("System", LEAD);
    Inquiry inquiry = Fixtures.assigned(system);
    assertEquals(
        "invalid-transition",
        assertThrows(
                DomainException.class,
                () -> inquiry.classify(DELEGATE, Satisfaction.SATISFIED, days(1)))
            .type());
    inquiry.answered(LEAD, days(1));
    inquiry.publish(LEAD, days(1));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        assertThrows(
                DomainException.class,
                () -> inquiry.classify(STRANGER, Satisfaction.SATISFIED, days(1)))
            .kind());
  }

  @Test
  void aWithdrawnInquiryKeepsItsHistoryAndCannotMoveAgain() {
    Inquiry inquiry = Fixtures.submitted();
    inquiry.withdraw(DELEGATE, "Fixed in the last update.", days(1));
    assertEquals(InquiryState.WITHDRAWN, inquiry.state());
    assertEquals(2, inquiry.history().size());
    assertThrows(DomainException.class, () -> inquiry.admit(MANAGER, days(2)));
  }

  @Test
  void anAnsweredInquiryCannotBeWithdrawn() {
    Inquiry inquiry = Fixtures.assigned(Fixtures.department("System", LEAD));
    inquiry.answered(LEAD, days(1));
    assertEquals(
        "invalid-transition",
        assertThrows(DomainException.class, () -> inquiry.withdraw(DELEGATE, null, days(2)))
            .type());
  }

  @Test
  void rejectionPublishesItsReasonCode() {
    Inquiry inquiry = Fixtures.submitted();
    inquiry.reject(MANAGER, ReasonCode.PERSONAL_CASE, "Please contact support.", days(1));
    assertEquals(ReasonCode.PERSONAL_CASE, inquiry.reasonCode());
    assertEquals("personal_case: Please contact support.", inquiry.history().get(1).detail());
  }

  @Test
  void mergingNeedsAnotherOpenInquiryOfTheSameSession() {
    Inquiry inquiry = Fixtures.submitted();
    Inquiry target = Fixtures.submitted();
    assertEquals(
        "merge-into-self",
        assertThrows(DomainException.class, () -> inquiry.mergeInto(inquiry, MANAGER, days(1)))
            .type());
    Inquiry withdrawn = Fixtures.submitted();
    withdrawn.withdraw(DELEGATE, null, days(1));
    assertEquals(
        "merge-target-invalid",
        assertThrows(DomainException.class, () -> inquiry.mergeInto(withdrawn, MANAGER, days(1)))
            .type());
    inquiry.mergeInto(target, MANAGER, days(1));
    assertEquals(InquiryState.MERGED, inquiry.state());
    assertEquals(target.id(), inquiry.mergedInto());
  }

  @Test
  void stepsOutOfOrderAreRefused() {
    Department system = Fixtures.department("System", LEAD);
    Inquiry submitted = Fixtures.submitted();
    assertThrows(DomainException.class, () -> submitted.answered(LEAD, days(1)));
    assertThrows(DomainException.class, () -> submitted.assign(system, 10, null, MANAGER, MONDAY));
    assertThrows(DomainException.class, () -> submitted.publish(LEAD, days(1)));
    assertThrows(DomainException.class, () -> submitted.holdingAnswer(RESPONDER, days(1)));
    Inquiry assigned = Fixtures.assigned(system);
    assertThrows(DomainException.class, () -> assigned.publish(LEAD, days(1)));
    assertThrows(DomainException.class, () -> assigned.discuss(MANAGER, days(1)));
    assertThrows(DomainException.class, () -> assigned.corrected(LEAD, days(1)));
  }

  @Test
  void aPriorityDateBecomesTheDeadline() {
    Department system = Fixtures.department("System", LEAD);
    Inquiry inquiry = Fixtures.submitted();
    inquiry.admit(MANAGER, MONDAY);
    inquiry.assign(system, 10, LocalDate.of(2026, 11, 6), MANAGER, MONDAY);
    assertEquals(LocalDate.of(2026, 11, 6), inquiry.deadline());
    assertEquals(Lateness.OVERDUE, inquiry.lateness(LocalDate.of(2026, 11, 9), system.calendar()));
    assertTrue(inquiry.dueOn().isAfter(inquiry.deadline()));
  }
}
