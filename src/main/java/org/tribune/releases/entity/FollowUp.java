package org.tribune.releases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * The engineering follow-up a bad build opens: due by a deadline, resolved by an engineer with a
 * public note (what was wrong, which build fixes it). One per build.
 */
@Entity
@Table(name = "build_follow_up")
public class FollowUp {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "build_id", nullable = false)
  private long buildId;

  @Convert(converter = InstantColumn.class)
  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(nullable = false)
  private String summary;

  @Column private String resolution;

  @Column(name = "resolved_by")
  private Long resolvedBy;

  @Convert(converter = InstantColumn.class)
  @Column(name = "resolved_at")
  private Instant resolvedAt;

  protected FollowUp() {}

  public FollowUp(long buildId, String summary, Instant openedAt, Instant dueAt) {
    this.buildId = buildId;
    this.summary = summary.length() > 1000 ? summary.substring(0, 1000) : summary;
    this.openedAt = openedAt;
    this.dueAt = dueAt;
  }

  public void resolve(String text, MemberId engineer, Instant now) {
    if (text == null || text.isBlank() || text.strip().length() > 1000) {
      throw DomainException.invalid("resolution", "is required, at most 1000 characters");
    }
    if (resolvedAt != null) {
      throw DomainException.conflict(
          "follow-up-resolved", "Already resolved", "This follow-up is already resolved.");
    }
    this.resolution = text.strip();
    this.resolvedBy = engineer.value();
    this.resolvedAt = now;
  }

  public boolean overdue(Instant now) {
    return resolvedAt == null && now.isAfter(dueAt);
  }

  public Long id() {
    return id;
  }

  public long buildId() {
    return buildId;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public String summary() {
    return summary;
  }

  public String resolution() {
    return resolution;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }
}
