package org.tribune.releases.boundary;

import java.time.Instant;
import java.util.List;

/** A device's builds, newest first, and its rolling score. */
public record DeviceHistory(
    DeviceView device, Double rollingScore, int rollingBuilds, List<Item> builds) {

  public record Item(
      long id,
      String version,
      String channel,
      Instant releaseAt,
      long count,
      Double mean,
      double lowerBound,
      String verdict,
      boolean notRecommended,
      boolean halted) {}
}
