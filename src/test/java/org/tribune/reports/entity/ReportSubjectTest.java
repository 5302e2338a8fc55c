package org.tribune.reports.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

class ReportSubjectTest {

  @Test
  void isoWeeksNameTheirMondayToSunday() {
    ReportSubject w = ReportSubject.parse(ReportKind.WEEKLY, "2026-W48");
    assertEquals(LocalDate.parse("2026-11-23"), w.from());
    assertEquals(LocalDate.parse("2026-11-29"), w.to());
    assertEquals("2026-W48", ReportSubject.weekOf(LocalDate.parse("2026-11-29")).text());
    assertEquals("2026-W53", ReportSubject.weekOf(LocalDate.parse("2026-12-31")).text());
    assertEquals("2027-W01", ReportSubject.weekOf(LocalDate.parse("2027-01-04")).text());
  }

  @Test
  void badSubjectsAreInvalidInput() {
    assertThrows(DomainException.class, () -> ReportSubject.parse(ReportKind.WEEKLY, "2027-W53"));
    assertThrows(DomainException.class, () -> ReportSubject.parse(ReportKind.WEEKLY, "2026-47"));
    assertThrows(DomainException.class, () -> ReportSubject.parse(ReportKind.SESSION, "0"));
    assertThrows(DomainException.class, () -> ReportSubject.parse(ReportKind.SELECTION, "x"));
    assertThrows(
        DomainException.class,
        () -> ReportSubject.parse(ReportKind.SCOREBOARD, "2026-12-01..2026-11-01"));
    assertThrows(
        DomainException.class,
        () -> ReportSubject.parse(ReportKind.SCOREBOARD, "2026-02-30..2026-03-01"));
    assertThrows(
        DomainException.class,
        () -> ReportSubject.parse(ReportKind.SCOREBOARD, "2020-01-01..2026-01-01"));
    assertEquals(
        LocalDate.parse("2026-12-31"),
        ReportSubject.parse(ReportKind.SCOREBOARD, "2026-10-01..2026-12-31").to());
  }
}
