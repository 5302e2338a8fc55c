package org.tribune.qa.boundary;

/**
 * A department's public timeliness. A {@code percent} or {@code medianWorkingDays} is null until
 * {@code minSample} answers exist.
 */
public record TimelinessView(
    Ref department,
    Share ordinary,
    Share priority,
    Double medianWorkingDays,
    int holdingAnswers,
    int overdueNow,
    int veryOverdueNow,
    int revisionRequests,
    int corrections,
    Integer planProgress,
    int plansMissedDue,
    int minSample) {

  public record Share(int answered, int onTime, Integer percent) {}
}
