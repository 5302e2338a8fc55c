package org.tribune.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.InstantColumn;

/** A dated entry in a plan's public record ("beta shipped to 2,000 testers"); never changed. */
@Entity
@Table(name = "qa_plan_milestone")
public class PlanMilestone {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "plan_id")
  private ImprovementPlan plan;

  @Column(name = "reached_on", nullable = false)
  private LocalDate reachedOn;

  @Column(nullable = false)
  private String note;

  @Column(name = "author_id", nullable = false)
  private long authorId;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PlanMilestone() {}

  PlanMilestone(
      ImprovementPlan plan, LocalDate reachedOn, String note, MemberId author, Instant now) {
    this.plan = plan;
    this.reachedOn = reachedOn;
    this.note = note;
    this.authorId = author.value();
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public LocalDate reachedOn() {
    return reachedOn;
  }

  public String note() {
    return note;
  }

  public MemberId author() {
    return new MemberId(authorId);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
