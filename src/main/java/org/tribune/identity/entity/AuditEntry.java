package org.tribune.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.platform.entity.InstantColumn;

/** One privileged action: who did what to which thing, with its state before and after. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

  static final int MAX_STATE = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Convert(converter = InstantColumn.class)
  @Column(name = "recorded_at")
  private Instant recordedAt;

  @Column(name = "actor_id")
  private Long actorId;

  @Column(name = "action_name")
  private String action;

  @Column(name = "subject_type")
  private String subjectType;

  @Column(name = "subject_id")
  private String subjectId;

  @Column(name = "before_state")
  private String before;

  @Column(name = "after_state")
  private String after;

  protected AuditEntry() {}

  /**
   * @param actor null when the system itself acted (for example at start-up)
   */
  public AuditEntry(
      MemberId actor,
      String action,
      String subjectType,
      String subjectId,
      String before,
      String after,
      Instant now) {
    this.recordedAt = now;
    this.actorId = actor == null ? null : actor.value();
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.before = clip(before);
    this.after = clip(after);
  }

  private static String clip(String state) {
    return state == null || state.length() <= MAX_STATE ? state : state.substring(0, MAX_STATE);
  }

  public long id() {
    return id;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public Long actorId() {
    return actorId;
  }

  public String action() {
    return action;
  }

  public String subjectType() {
    return subjectType;
  }

  public String subjectId() {
    return subjectId;
  }

  public String before() {
    return before;
  }

  public String after() {
    return after;
  }
}
