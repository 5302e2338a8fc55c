package org.tribune.qa.boundary;

import java.util.List;

/**
 * What a watcher of a live session sees, pushed as one server-sent event {@code state} whenever it
 * changes: the live state, the current agenda item and, once released, its published answers.
 */
public record LiveView(
    long session, String title, String liveState, Item current, List<InquirySummary> agenda) {

  public record Item(
      long inquiryId,
      String reference,
      String heading,
      String state,
      Ref department,
      List<InquiryView.AnswerView> answers) {}
}
