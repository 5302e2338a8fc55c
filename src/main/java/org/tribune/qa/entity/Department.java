package org.tribune.qa.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A department that answers inquiries: its lead (who approves answers before release), its
 * responders (who draft; they see only this department's inquiries) and its working-day calendar.
 */
@Entity
@Table(name = "qa_department")
public class Department {

  public static final int MAX_NAME = 120;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "lead_id", nullable = false)
  private long leadId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "qa_department_responder",
      joinColumns = @JoinColumn(name = "department_id"))
  @Column(name = "member_id")
  private Set<Long> responders = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "qa_department_holiday",
      joinColumns = @JoinColumn(name = "department_id"))
  @Column(name = "holiday")
  private Set<LocalDate> holidays = new HashSet<>();

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Department() {}

  public Department(
      String name,
      MemberId lead,
      Collection<MemberId> responders,
      Collection<LocalDate> holidays,
      Instant now) {
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
      throw DomainException.invalid("name", "must be 1–" + MAX_NAME + " characters");
    }
    this.name = name.strip();
    this.leadId = lead.value();
    responders.forEach(r -> this.responders.add(r.value()));
    this.holidays.addAll(holidays);
    this.createdAt = now;
  }

  /** Replaces the responders and holidays (the lead stays a member of the department). */
  public void staff(
      MemberId lead, Collection<MemberId> responders, Collection<LocalDate> holidays) {
    this.leadId = lead.value();
    this.responders.clear();
    responders.forEach(r -> this.responders.add(r.value()));
    this.holidays.clear();
    this.holidays.addAll(holidays);
  }

  /** The lead and the responders: the people who see this department's inquiries and drafts. */
  public boolean hasMember(MemberId member) {
    return member != null && (member.value() == leadId || responders.contains(member.value()));
  }

  public boolean isLead(MemberId member) {
    return member != null && member.value() == leadId;
  }

  public WorkingCalendar calendar() {
    return new WorkingCalendar(holidays);
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public MemberId lead() {
    return new MemberId(leadId);
  }

  public Set<Long> responders() {
    return Set.copyOf(responders);
  }

  public Set<LocalDate> holidays() {
    return Set.copyOf(holidays);
  }
}
