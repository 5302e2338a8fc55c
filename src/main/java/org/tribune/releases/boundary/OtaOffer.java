package org.tribune.releases.boundary;

/**
 * What the OTA server learns for one device model, channel and subject: whether to offer the build,
 * and why not when it does not (no-build, not-a-tester, not-recommended, halted, not-in-cohort).
 */
public record OtaOffer(
    boolean offer,
    String channel,
    Long buildId,
    String version,
    int percent,
    boolean halted,
    int cohort,
    String reason) {}
