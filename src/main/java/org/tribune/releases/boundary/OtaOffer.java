package org.tribune.releases.boundary;

/**
 * What the OTA server learns for one device model and subject: whether to offer the build, and why
 * not when it does not (no-build, not-recommended, halted, not-in-cohort).
 */
public record OtaOffer(
    boolean offer,
    Long buildId,
    String version,
    int percent,
    boolean halted,
    int cohort,
    String reason) {}
