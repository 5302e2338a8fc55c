package org.tribune.qa.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A Q&amp;A session with its delegates and agenda (docs/api.md, "Q&amp;A sessions"). */
public record SessionView(
    long id,
    String title,
    LocalDate date,
    Instant filingOpens,
    Instant filingCloses,
    boolean filingOpen,
    String releaseMode,
    String videoUrl,
    String transcriptUrl,
    String minutes,
    String liveState,
    Long currentInquiry,
    List<Ref> delegates,
    List<InquirySummary> agenda) {}
