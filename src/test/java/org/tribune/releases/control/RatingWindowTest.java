package org.tribune.releases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RatingWindowTest {

  private static final Instant RELEASE = Instant.parse("2026-11-02T10:00:00Z");
  private final RatingWindow window = new RatingWindow(Duration.ofHours(24), Duration.ofDays(7));

  @Test
  void notInstalled() {
    assertEquals(
        new RatingWindow.NotInstalled(),
        window.decide(null, RELEASE, false, RELEASE.plusSeconds(9)));
  }

  @Test
  void tooEarlyUntilADayOnTheBuild() {
    Instant installed = RELEASE.plus(Duration.ofHours(3));
    assertEquals(
        new RatingWindow.TooEarly(installed.plus(Duration.ofHours(24))),
        window.decide(installed, RELEASE, false, installed.plus(Duration.ofHours(23))));
    assertEquals(
        new RatingWindow.Allowed(false),
        window.decide(installed, RELEASE, false, installed.plus(Duration.ofHours(24))));
  }

  @Test
  void changeableWithinTheWindow() {
    assertEquals(
        new RatingWindow.Allowed(false),
        window.decide(RELEASE, RELEASE, true, RELEASE.plus(Duration.ofDays(7)).minusSeconds(1)));
  }

  @Test
  void afterTheWindowAFirstRatingIsLateAndAChangeIsRefused() {
    Instant after = RELEASE.plus(Duration.ofDays(8));
    assertEquals(new RatingWindow.Allowed(true), window.decide(RELEASE, RELEASE, false, after));
    assertEquals(
        new RatingWindow.WindowClosed(RELEASE.plus(Duration.ofDays(7))),
        window.decide(RELEASE, RELEASE, true, after));
  }
}
