package org.tribune.voting.entity;

import java.io.Serializable;
import java.util.Objects;

/** The key of the per-member, per-idea rows (follows and flags): one row per pair. */
public class MemberIdeaKey implements Serializable {

  private static final long serialVersionUID = 1L;

  private long memberId;
  private long ideaId;

  public MemberIdeaKey() {}

  public MemberIdeaKey(long memberId, long ideaId) {
    this.memberId = memberId;
    this.ideaId = ideaId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MemberIdeaKey k && k.memberId == memberId && k.ideaId == ideaId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(memberId, ideaId);
  }
}
