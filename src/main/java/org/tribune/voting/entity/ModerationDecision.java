package org.tribune.voting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.InstantColumn;

/**
 * A community manager's decision on a flagged idea, kept with its reason: the audit trail of
 * moderation, since hiding an idea silences its author.
 */
@Entity
@Table(name = "idea_moderation")
public class ModerationDecision {

  /** What a moderator may decide. */
  public enum Verdict {
    RESTORE,
    KEEP_HIDDEN;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Verdict> fromWire(String text) {
      return Arrays.stream(values()).filter(v -> v.wire().equals(text)).findFirst();
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idea_id", nullable = false)
  private long ideaId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Verdict decision;

  @Column(nullable = false)
  private String reason;

  @Column(name = "actor_id", nullable = false)
  private long actorId;

  @Convert(converter = InstantColumn.class)
  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected ModerationDecision() {}

  ModerationDecision(long ideaId, Verdict decision, String reason, MemberId actor, Instant at) {
    this.ideaId = ideaId;
    this.decision = decision;
    this.reason = reason;
    this.actorId = actor.value();
    this.decidedAt = at;
  }

  public Verdict decision() {
    return decision;
  }
}
