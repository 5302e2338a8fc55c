package org.tribune.reports.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribune.identity.boundary.AuditLog;
import org.tribune.identity.entity.MemberId;
import org.tribune.ledger.boundary.ResponseLedger;
import org.tribune.platform.entity.DomainException;
import org.tribune.reports.control.DocumentJson;
import org.tribune.reports.control.Scoreboard;
import org.tribune.reports.control.SelectionReport;
import org.tribune.reports.control.SessionReport;
import org.tribune.reports.control.WeeklyReport;
import org.tribune.reports.entity.Report;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportKind;
import org.tribune.reports.entity.ReportSubject;

/**
 * Drafting, reviewing and publishing outcome reports; one transaction per command. Publishing
 * freezes the document and appends {@code report-published} with its SHA-256 to the response ledger
 * in the same transaction, so a version is published exactly when its ledger entry exists.
 */
@ApplicationScoped
@Transactional
public class Reports {

  public static final String LEDGER_TYPE = "report-published";

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject ReportSources sources;
  @Inject ResponseLedger ledger;
  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /** A new draft of the next version; refused while another draft of the same report exists. */
  public Report draft(ReportKind kind, String subjectText, MemberId by) {
    ReportSubject subject = ReportSubject.parse(kind, subjectText);
    List<Report> existing = versions(kind, subject.text(), true);
    for (Report r : existing) {
      if (!r.isPublished()) {
        throw DomainException.conflict(
                "draft-exists",
                "A draft exists",
                "Report " + kind.wire() + " " + subject.text() + " already has a draft; review it.")
            .with("draft", r.id());
      }
    }
    int version = existing.stream().mapToInt(Report::reportVersion).max().orElse(0) + 1;
    Instant now = now();
    ReportDocument d = generate(subject, now);
    String canonical = DocumentJson.text(d);
    Report report =
        Report.draft(
            kind,
            subject.text(),
            version,
            version > 1 ? existing.get(existing.size() - 1).title() : d.title(),
            canonical,
            DocumentJson.sha256(canonical),
            now,
            by,
            now);
    if (version > 1) {
      report.edit(null, existing.get(existing.size() - 1).summary(), null, now);
    }
    em.persist(report);
    em.flush();
    return report;
  }

  /** The weekly job's draft for {@code week}, unless that week already has a report. */
  public void draftWeekIfMissing(ReportSubject week) {
    if (versions(ReportKind.WEEKLY, week.text(), true).isEmpty()) {
      draft(ReportKind.WEEKLY, week.text(), null);
    }
  }

  public Report regenerate(long id) {
    Report r = draftForUpdate(id);
    Instant now = now();
    String canonical = DocumentJson.text(generate(ReportSubject.parse(r.kind(), r.subject()), now));
    r.regenerated(canonical, DocumentJson.sha256(canonical), now, now);
    return r;
  }

  public Report edit(long id, String title, String summary, String changeNote) {
    if (title != null && title.strip().length() > Report.MAX_TITLE) {
      throw DomainException.invalid("title", "at most " + Report.MAX_TITLE + " characters");
    }
    if (summary != null && summary.length() > Report.MAX_SUMMARY) {
      throw DomainException.invalid("summary", "at most " + Report.MAX_SUMMARY + " characters");
    }
    if (changeNote != null && changeNote.length() > Report.MAX_CHANGE_NOTE) {
      throw DomainException.invalid(
          "changeNote", "at most " + Report.MAX_CHANGE_NOTE + " characters");
    }
    Report r = draftForUpdate(id);
    r.edit(title, summary, changeNote, now());
    return r;
  }

  /** Freezes the draft as published, records its hash in the ledger, audits who did it. */
  public Report publish(long id, String changeNote, MemberId by) {
    if (changeNote != null) {
      edit(id, null, null, changeNote);
    }
    Report r = draftForUpdate(id);
    Instant now = now();
    ReportDocument generated = DocumentJson.parse(r.document());
    ReportDocument frozen =
        new ReportDocument(
            generated.kind(),
            generated.subject(),
            r.reportVersion(),
            r.title(),
            r.summary(),
            generated.generatedAt(),
            now,
            r.reportVersion() > 1 ? r.changeNote() : null,
            generated.figures(),
            generated.tables(),
            generated.charts());
    String canonical = DocumentJson.text(frozen);
    String sha256 = DocumentJson.sha256(canonical);
    r.publish(canonical, sha256, by, now);
    em.flush();
    audit.record(
        by,
        "report.publish",
        "report",
        r.kind().wire() + "/" + r.subject() + "/v" + r.reportVersion(),
        null,
        sha256);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("kind", r.kind().wire());
    fields.put("subject", r.subject());
    fields.put("version", r.reportVersion());
    fields.put("title", r.title());
    fields.put("sha256", sha256);
    r.recordedInLedger(ledger.append(LEDGER_TYPE, fields));
    return r;
  }

  public void discard(long id) {
    Report r = draftForUpdate(id);
    em.remove(r);
  }

  // ---- reads ----

  @Transactional(Transactional.TxType.SUPPORTS)
  public Report draftById(long id) {
    Report r = em.find(Report.class, id);
    if (r == null || r.isPublished()) {
      throw DomainException.notFound("Draft", id);
    }
    return r;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Report> drafts() {
    return em.createQuery(
            "SELECT r FROM Report r WHERE r.status = :s ORDER BY r.updatedAt DESC, r.id DESC",
            Report.class)
        .setParameter("s", Report.DRAFT)
        .getResultList();
  }

  /** The newest published version of each report, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Report> published(ReportKind kind, int limit) {
    String filter = kind == null ? "" : " AND r.kind = :kind";
    var q =
        em.createQuery(
                "SELECT r FROM Report r WHERE r.status = :s"
                    + filter
                    + " AND r.reportVersion = (SELECT MAX(o.reportVersion) FROM Report o"
                    + " WHERE o.kind = r.kind AND o.subject = r.subject AND o.status = :s)"
                    + " ORDER BY r.publishedAt DESC, r.id DESC",
                Report.class)
            .setParameter("s", Report.PUBLISHED)
            .setMaxResults(limit);
    if (kind != null) {
      q.setParameter("kind", kind.wire());
    }
    return q.getResultList();
  }

  /** Every published version, newest publication first (the reports feed). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Report> publications(int limit) {
    return em.createQuery(
            "SELECT r FROM Report r WHERE r.status = :s ORDER BY r.publishedAt DESC, r.id DESC",
            Report.class)
        .setParameter("s", Report.PUBLISHED)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Report> versions(ReportKind kind, String subject, boolean withDrafts) {
    return em
        .createQuery(
            "SELECT r FROM Report r WHERE r.kind = :k AND r.subject = :subject"
                + " ORDER BY r.reportVersion",
            Report.class)
        .setParameter("k", kind.wire())
        .setParameter("subject", subject)
        .getResultList()
        .stream()
        .filter(r -> withDrafts || r.isPublished())
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Report publishedVersion(ReportKind kind, String subject, int version) {
    return versions(kind, subject, false).stream()
        .filter(r -> r.reportVersion() == version)
        .findFirst()
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "Report", kind.wire() + "/" + subject + " version " + version));
  }

  // ---- internals ----

  private Report draftForUpdate(long id) {
    Report r = em.find(Report.class, id);
    if (r == null) {
      throw DomainException.notFound("Draft", id);
    }
    if (r.isPublished()) {
      throw DomainException.conflict(
          "report-published",
          "Published reports are immutable",
          "Version " + r.reportVersion() + " is published; start a new version to change it.");
    }
    return r;
  }

  ReportDocument generate(ReportSubject subject, Instant now) {
    return switch (subject.kind()) {
      case WEEKLY -> WeeklyReport.generate(sources.weekly(subject), now);
      case SESSION -> SessionReport.generate(sources.session(subject), now);
      case SELECTION -> SelectionReport.generate(sources.selection(subject), now);
      case SCOREBOARD -> Scoreboard.generate(sources.scoreboard(subject), now);
    };
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
