package org.tribune.qa.boundary;

import java.time.LocalDate;

/** A line in a list of inquiries (triage queue, inbox, delegate workspace, session page). */
public record InquirySummary(
    long id,
    String reference,
    String heading,
    String kind,
    String state,
    Ref author,
    Ref department,
    Ref transferTo,
    LocalDate dueDate,
    LocalDate priorityDate,
    String lateness,
    Integer agendaPosition,
    boolean draftAwaitingApproval) {}
