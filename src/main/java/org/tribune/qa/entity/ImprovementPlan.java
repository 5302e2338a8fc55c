package org.tribune.qa.entity;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * An improvement plan that follows from an answer, in the manner of Decidim's accountability
 * results: a status with a default progress, a reported progress 0–100, sub-plans whose weighted
 * progress rolls up into their parent ({@code control.PlanRollup}), dated milestone entries, and
 * the inquiries it answers. A delegate who filed a linked inquiry confirms completion. A plan past
 * its due date that is not done is flagged publicly ({@link #missedDueDate}).
 */
@Entity
@Table(name = "qa_plan")
public class ImprovementPlan {

  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 4000;
  public static final int MAX_NOTE = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String description;

  @Column(name = "department_id", nullable = false)
  private long departmentId;

  @Column(name = "parent_id")
  private Long parentId;

  @Column(nullable = false)
  private int weight;

  @Column(name = "starts_on", nullable = false)
  private LocalDate startsOn;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PlanStatus status;

  @Column private Integer progress;

  @Column(name = "confirmed_by")
  private Long confirmedBy;

  @Convert(converter = InstantColumn.class)
  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "qa_plan_inquiry", joinColumns = @JoinColumn(name = "plan_id"))
  @Column(name = "inquiry_id")
  private Set<Long> inquiries = new HashSet<>();

  @OneToMany(mappedBy = "plan", cascade = CascadeType.PERSIST)
  @OrderBy("reachedOn, id")
  private List<PlanMilestone> milestones = new ArrayList<>();

  protected ImprovementPlan() {}

  public ImprovementPlan(
      String title,
      String description,
      long departmentId,
      ImprovementPlan parent,
      int weight,
      LocalDate startsOn,
      LocalDate dueOn,
      Collection<Long> inquiries,
      Instant now) {
    this.title = text("title", title, MAX_TITLE);
    this.description = text("description", description, MAX_DESCRIPTION);
    if (parent != null) {
      if (parent.departmentId != departmentId) {
        throw DomainException.invalid("parent", "belongs to another department");
      }
      if (parent.parentId != null) {
        throw DomainException.invalid("parent", "is itself a sub-plan; plans nest one level");
      }
      this.parentId = parent.id;
    }
    if (weight < 1 || weight > 100) {
      throw DomainException.invalid("weight", "must be 1–100");
    }
    if (startsOn == null || dueOn == null || dueOn.isBefore(startsOn)) {
      throw DomainException.invalid("dueDate", "is required and must not be before startDate");
    }
    this.departmentId = departmentId;
    this.weight = weight;
    this.startsOn = startsOn;
    this.dueOn = dueOn;
    this.status = PlanStatus.PLANNED;
    this.inquiries.addAll(inquiries);
    this.createdAt = now;
  }

  /**
   * Reports status and/or progress. A status without a progress resets the reported progress, so
   * the status's default applies until a figure is reported.
   */
  public void report(PlanStatus status, Integer progress) {
    if (this.status == PlanStatus.DONE && confirmedBy != null) {
      throw DomainException.conflict(
          "plan-confirmed", "Plan confirmed", "Plan " + id + " was confirmed complete.");
    }
    if (progress != null && (progress < 0 || progress > 100)) {
      throw DomainException.invalid("progress", "must be 0–100");
    }
    if (status != null) {
      this.status = status;
      this.progress = null;
    }
    if (progress != null) {
      this.progress = progress;
    }
  }

  public PlanMilestone milestone(LocalDate on, String note, MemberId author, Instant now) {
    if (on == null) {
      throw DomainException.invalid("date", "is required");
    }
    PlanMilestone milestone =
        new PlanMilestone(this, on, text("note", note, MAX_NOTE), author, now);
    milestones.add(milestone);
    return milestone;
  }

  /** A delegate who filed one of the linked inquiries confirms the plan is complete. */
  public void confirmCompletion(MemberId delegate, Instant now) {
    if (status != PlanStatus.DONE) {
      throw DomainException.conflict(
          "plan-not-done",
          "Plan not done",
          "Plan " + id + " is " + Wire.of(status) + "; it can be confirmed once it is done.");
    }
    if (confirmedBy != null) {
      throw DomainException.conflict(
          "plan-confirmed", "Plan confirmed", "Plan " + id + " was already confirmed.");
    }
    confirmedBy = delegate.value();
    confirmedAt = now;
  }

  /** The progress of this plan alone: the reported figure, or its status's default. */
  public int ownProgress() {
    return progress != null ? progress : status.defaultProgress();
  }

  public boolean missedDueDate(LocalDate today) {
    return today.isAfter(dueOn) && status != PlanStatus.DONE && status != PlanStatus.CANCELLED;
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, "is required");
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

  public String description() {
    return description;
  }

  public long departmentId() {
    return departmentId;
  }

  public Long parentId() {
    return parentId;
  }

  public int weight() {
    return weight;
  }

  public LocalDate startsOn() {
    return startsOn;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public PlanStatus status() {
    return status;
  }

  public Integer reportedProgress() {
    return progress;
  }

  public MemberId confirmedBy() {
    return confirmedBy == null ? null : new MemberId(confirmedBy);
  }

  public Instant confirmedAt() {
    return confirmedAt;
  }

  public Set<Long> inquiries() {
    return Set.copyOf(inquiries);
  }

  public List<PlanMilestone> milestones() {
    return Collections.unmodifiableList(milestones);
  }
}
