package org.tribune.voting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.platform.entity.InstantColumn;

/**
 * The vote ingest's running tally of an idea, read-only here: only {@code IdeaVotes} writes it (so
 * that a flash crowd is counted exactly once). Ideas read it to sort and to know whether their text
 * is frozen.
 */
@Entity
@Table(name = "idea_tally")
public class IdeaTally {

  // The id stays writable only because JPA requires one writable primary-key mapping; nothing
  // here ever persists a tally.
  @Id
  @Column(name = "idea_id")
  private long ideaId;

  @Column(insertable = false, updatable = false)
  private long votes;

  @Column(name = "trend_mass", insertable = false, updatable = false)
  private double trendMass;

  @Column(insertable = false, updatable = false)
  private boolean votable;

  @Convert(converter = InstantColumn.class)
  @Column(name = "first_vote_at", insertable = false, updatable = false)
  private Instant firstVoteAt;

  protected IdeaTally() {}

  public long votes() {
    return votes;
  }

  public double trendMass() {
    return trendMass;
  }

  public boolean votable() {
    return votable;
  }

  /** Once anyone has voted the text stays as they saw it, even if the vote was withdrawn. */
  public boolean textFrozen() {
    return firstVoteAt != null;
  }
}
