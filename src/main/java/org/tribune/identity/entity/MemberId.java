package org.tribune.identity.entity;

/** A member's id; typed so that it cannot be confused with the id of an idea or a build. */
public record MemberId(long value) {

  public static MemberId of(String text) {
    return new MemberId(Long.parseLong(text));
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
