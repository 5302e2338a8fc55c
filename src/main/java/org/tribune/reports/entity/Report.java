package org.tribune.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * One version of an outcome report. Life cycle: a <b>draft</b> is generated from the data (by a
 * community manager, or by the weekly job), reviewed — title and summary edited, figures
 * regenerated as often as wanted — and <b>published</b>, which freezes it: the document (canonical
 * JSON) and its SHA-256 never change again, and the hash is recorded in the response ledger. A
 * later change is a new version (n + 1) of the same kind and subject, which must say what changed.
 *
 * <p>Invariants: a published report refuses every change; version 1 has no change note, a later
 * version must have one; {@code sha256} is always the hash of {@code document}.
 */
@Entity
@Table(name = "report")
public class Report {

  public static final int MAX_TITLE = 200;
  public static final int MAX_SUMMARY = 8000;
  public static final int MAX_CHANGE_NOTE = 2000;

  public static final String DRAFT = "draft";
  public static final String PUBLISHED = "published";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String subject;

  @Column(name = "report_version", nullable = false)
  private int reportVersion;

  @Column(nullable = false)
  private String status;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String summary;

  @Column(name = "change_note")
  private String changeNote;

  @Lob
  @Column(nullable = false)
  private String document;

  @Column(nullable = false)
  private String sha256;

  @Convert(converter = InstantColumn.class)
  @Column(name = "generated_at", nullable = false)
  private Instant generatedAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by")
  private Long createdBy;

  @Convert(converter = InstantColumn.class)
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "published_by")
  private Long publishedBy;

  @Column(name = "ledger_index")
  private Long ledgerIndex;

  @Version private long version;

  protected Report() {}

  /** A new draft; {@code by} is null when the weekly job drafted it. */
  public static Report draft(
      ReportKind kind,
      String subject,
      int reportVersion,
      String title,
      String canonical,
      String sha256,
      Instant generatedAt,
      MemberId by,
      Instant now) {
    Report r = new Report();
    r.kind = kind.wire();
    r.subject = subject;
    r.reportVersion = reportVersion;
    r.status = DRAFT;
    r.title = title;
    r.summary = "";
    r.document = canonical;
    r.sha256 = sha256;
    r.generatedAt = generatedAt;
    r.createdAt = now;
    r.createdBy = by == null ? null : by.value();
    r.updatedAt = now;
    return r;
  }

  /** Edits the manager's text; a published report refuses. */
  public void edit(String title, String summary, String changeNote, Instant now) {
    requireDraft();
    if (title != null) {
      if (title.isBlank()) {
        throw DomainException.invalid("title", "must not be blank");
      }
      this.title = title.strip();
    }
    if (summary != null) {
      this.summary = summary;
    }
    if (changeNote != null) {
      this.changeNote = changeNote.isBlank() ? null : changeNote.strip();
    }
    this.updatedAt = now;
  }

  /** New figures for the draft (the document is rebuilt by the caller from the data). */
  public void regenerated(String canonical, String sha256, Instant generatedAt, Instant now) {
    requireDraft();
    this.document = canonical;
    this.sha256 = sha256;
    this.generatedAt = generatedAt;
    this.updatedAt = now;
  }

  /**
   * Freezes the report with its final document (title, summary, note and publication time
   * included). A later version must say what changed.
   */
  public void publish(String canonical, String sha256, MemberId by, Instant now) {
    requireDraft();
    if (reportVersion > 1 && (changeNote == null || changeNote.isBlank())) {
      throw DomainException.unprocessable(
          "change-note-required",
          "Say what changed",
          "Version "
              + reportVersion
              + " replaces a published version: its change note says what changed.");
    }
    this.document = canonical;
    this.sha256 = sha256;
    this.status = PUBLISHED;
    this.publishedAt = now;
    this.publishedBy = by.value();
    this.updatedAt = now;
  }

  public void recordedInLedger(long index) {
    this.ledgerIndex = index;
  }

  private void requireDraft() {
    if (isPublished()) {
      throw DomainException.conflict(
          "report-published",
          "Published reports are immutable",
          "Version " + reportVersion + " is published; start a new version to change it.");
    }
  }

  public boolean isPublished() {
    return PUBLISHED.equals(status);
  }

  public Long id() {
    return id;
  }

  public ReportKind kind() {
    return ReportKind.fromWire(kind).orElseThrow();
  }

  public String subject() {
    return subject;
  }

  public int reportVersion() {
    return reportVersion;
  }

  public String status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String summary() {
    return summary;
  }

  public String changeNote() {
    return changeNote;
  }

  public String document() {
    return document;
  }

  public String sha256() {
    return sha256;
  }

  public Instant generatedAt() {
    return generatedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Long publishedBy() {
    return publishedBy;
  }

  public Long ledgerIndex() {
    return ledgerIndex;
  }
}
