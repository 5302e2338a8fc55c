package org.tribune.releases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One changelog line of a build, optionally naming the idea it ships. */
@Entity
@Table(name = "build_change")
public class BuildChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "build_id")
  private Build build;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String line;

  @Column(name = "idea_id")
  private Long ideaId;

  protected BuildChange() {}

  BuildChange(Build build, int position, String line, Long ideaId) {
    this.build = build;
    this.position = position;
    this.line = line;
    this.ideaId = ideaId;
  }

  public String line() {
    return line;
  }

  public Long ideaId() {
    return ideaId;
  }
}
