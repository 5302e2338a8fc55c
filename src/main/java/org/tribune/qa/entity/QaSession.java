package org.tribune.qa.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A public Q&amp;A session (e.g. "2027 New Year delegates' session"): the delegates taking part,
 * the window in which they file inquiries, the release setting for answers, and the live state
 * (planned, live with a current agenda item, ended). The agenda is the session's inquiries that
 * have an agenda position.
 */
@Entity
@Table(name = "qa_session")
public class QaSession {

  public static final int MAX_TITLE = 200;
  public static final int MAX_URL = 500;
  public static final int MAX_MINUTES = 8000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String title;

  @Column(name = "held_on", nullable = false)
  private LocalDate heldOn;

  @Convert(converter = InstantColumn.class)
  @Column(name = "filing_opens", nullable = false)
  private Instant filingOpens;

  @Convert(converter = InstantColumn.class)
  @Column(name = "filing_closes", nullable = false)
  private Instant filingCloses;

  @Enumerated(EnumType.STRING)
  @Column(name = "release_mode", nullable = false)
  private ReleaseMode releaseMode;

  @Column(name = "video_url")
  private String videoUrl;

  @Column(name = "transcript_url")
  private String transcriptUrl;

  @Column private String minutes;

  @Enumerated(EnumType.STRING)
  @Column(name = "live_state", nullable = false)
  private LiveState liveState;

  @Column(name = "current_inquiry")
  private Long currentInquiry;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "qa_session_delegate", joinColumns = @JoinColumn(name = "session_id"))
  @Column(name = "member_id")
  private Set<Long> delegates = new HashSet<>();

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected QaSession() {}

  public QaSession(
      String title,
      LocalDate heldOn,
      Instant filingOpens,
      Instant filingCloses,
      ReleaseMode releaseMode,
      Collection<MemberId> delegates,
      Instant now) {
    if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
      throw DomainException.invalid("title", "must be 1–" + MAX_TITLE + " characters");
    }
    if (!filingCloses.isAfter(filingOpens)) {
      throw DomainException.invalid("filingCloses", "must be after filingOpens");
    }
    this.title = title.strip();
    this.heldOn = heldOn;
    this.filingOpens = filingOpens;
    this.filingCloses = filingCloses;
    this.releaseMode = releaseMode;
    delegates.forEach(d -> this.delegates.add(d.value()));
    this.liveState = LiveState.PLANNED;
    this.createdAt = now;
  }

  /** Filing is open to the session's delegates between the two instants. */
  public void requireFilingOpen(MemberId delegate, Instant now) {
    if (!delegates.contains(delegate.value())) {
      throw DomainException.forbidden("You are not a delegate of session " + id + ".");
    }
    if (now.isBefore(filingOpens) || !now.isBefore(filingCloses)) {
      throw DomainException.conflict(
          "filing-closed",
          "Filing closed",
          "Session "
              + id
              + " takes inquiries from "
              + filingOpens
              + " until "
              + filingCloses
              + ".");
    }
  }

  public boolean isDelegate(MemberId member) {
    return member != null && delegates.contains(member.value());
  }

  public void record(String videoUrl, String transcriptUrl, String minutes) {
    this.videoUrl = bounded("videoUrl", videoUrl, MAX_URL);
    this.transcriptUrl = bounded("transcriptUrl", transcriptUrl, MAX_URL);
    this.minutes = bounded("minutes", minutes, MAX_MINUTES);
  }

  public void goLive() {
    if (liveState != LiveState.PLANNED) {
      throw liveConflict("start");
    }
    liveState = LiveState.LIVE;
  }

  /** Moves the live session to an agenda item (null clears it). */
  public void showItem(Long inquiryId) {
    if (liveState != LiveState.LIVE) {
      throw liveConflict("show an agenda item");
    }
    currentInquiry = inquiryId;
  }

  public void end() {
    if (liveState != LiveState.LIVE) {
      throw liveConflict("end");
    }
    liveState = LiveState.ENDED;
    currentInquiry = null;
  }

  private DomainException liveConflict(String what) {
    return DomainException.conflict(
        "invalid-transition",
        "Invalid status transition",
        "Session " + id + " is " + Wire.of(liveState) + "; it cannot " + what + ".");
  }

  private static String bounded(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > max) {
      throw DomainException.invalid(field, "must be at most " + max + " characters");
    }
    return value.strip();
  }

  public Long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public LocalDate heldOn() {
    return heldOn;
  }

  public Instant filingOpens() {
    return filingOpens;
  }

  public Instant filingCloses() {
    return filingCloses;
  }

  public ReleaseMode releaseMode() {
    return releaseMode;
  }

  public String videoUrl() {
    return videoUrl;
  }

  public String transcriptUrl() {
    return transcriptUrl;
  }

  public String minutes() {
    return minutes;
  }

  public LiveState liveState() {
    return liveState;
  }

  public Long currentInquiry() {
    return currentInquiry;
  }

  public Set<Long> delegates() {
    return Set.copyOf(delegates);
  }
}
