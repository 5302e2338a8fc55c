package org.tribune.identity.boundary;

import java.time.LocalDate;
import java.util.List;
import org.tribune.identity.entity.Member;

/**
 * A member on the wire. The member themselves and admins see everything; anyone else sees the
 * public profile (the other fields are left out, not sent as null).
 */
public record MemberView(
    long id,
    String email,
    String displayName,
    String locale,
    String memberType,
    String deviceLine,
    String region,
    LocalDate joinedOn,
    List<String> roles) {

  public static MemberView full(Member m) {
    return new MemberView(
        m.id().value(),
        m.email(),
        m.displayName(),
        m.locale(),
        m.memberType(),
        m.deviceLine(),
        m.region(),
        m.joinedOn(),
        m.roles().stream().sorted().toList());
  }

  public static MemberView publicProfile(Member m) {
    return new MemberView(
        m.id().value(),
        null,
        m.displayName(),
        null,
        m.memberType(),
        null,
        null,
        m.joinedOn(),
        null);
  }
}
