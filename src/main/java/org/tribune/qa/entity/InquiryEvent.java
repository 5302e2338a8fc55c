package org.tribune.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.InstantColumn;

/**
 * One step of an inquiry's history: what happened, the state after it, the responsible department
 * then, who, when, and a detail (a reason, a clarification, a target department). Never changed;
 * the ledger index is set once when the event is public.
 */
@Entity
@Table(name = "qa_inquiry_event")
public class InquiryEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "inquiry_id")
  private Inquiry inquiry;

  @Column(nullable = false)
  private String type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private InquiryState state;

  @Column(name = "department_id")
  private Long departmentId;

  @Column(name = "actor_id", nullable = false)
  private long actorId;

  @Column private String detail;

  @Column(name = "ledger_index")
  private Long ledgerIndex;

  @Convert(converter = InstantColumn.class)
  @Column(name = "happened_at", nullable = false)
  private Instant at;

  protected InquiryEvent() {}

  InquiryEvent(
      Inquiry inquiry,
      String type,
      InquiryState state,
      Long departmentId,
      MemberId actor,
      String detail,
      Instant at) {
    this.inquiry = inquiry;
    this.type = type;
    this.state = state;
    this.departmentId = departmentId;
    this.actorId = actor.value();
    this.detail = detail;
    this.at = at;
  }

  public void recordedInLedger(long index) {
    if (ledgerIndex == null) {
      ledgerIndex = index;
    }
  }

  public Long id() {
    return id;
  }

  public Inquiry inquiry() {
    return inquiry;
  }

  public String type() {
    return type;
  }

  public InquiryState state() {
    return state;
  }

  public Long departmentId() {
    return departmentId;
  }

  public MemberId actor() {
    return new MemberId(actorId);
  }

  public String detail() {
    return detail;
  }

  public Long ledgerIndex() {
    return ledgerIndex;
  }

  public Instant at() {
    return at;
  }
}
