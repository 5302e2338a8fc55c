package org.tribune.reports.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four kinds of outcome report; each has its own subject format ({@link ReportSubject}). */
public enum ReportKind {
  WEEKLY,
  SESSION,
  SELECTION,
  SCOREBOARD;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReportKind> fromWire(String text) {
    return Arrays.stream(values()).filter(k -> k.wire().equals(text)).findFirst();
  }
}
