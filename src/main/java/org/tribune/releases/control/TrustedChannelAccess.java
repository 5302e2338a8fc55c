package org.tribune.releases.control;

import java.util.Optional;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;

/**
 * Who may ask the OTA endpoint about the trusted channel. Whether a member is a trusted tester is
 * not public, so the trusted channel answers only to a caller who proves the subject: the phone's
 * own device token (the subject is its member), the member signed in themselves, or a community
 * manager or admin (the company's OTA server uses such an API token) asking about any member.
 */
public final class TrustedChannelAccess {

  private TrustedChannelAccess() {}

  /**
   * The member the trusted-channel answer is about.
   *
   * @param tokenHolder the member of a live device token sent with the request, if any
   * @param caller the signed-in caller (session or API token), if any
   * @param callerManages whether the caller is a community manager or admin
   * @param requested the member named in the query, if any
   * @throws DomainException 401 without a device token or sign-in; 403 when the caller asks about
   *     another member without managing testers
   */
  public static MemberId subject(
      Optional<MemberId> tokenHolder,
      Optional<MemberId> caller,
      boolean callerManages,
      Optional<MemberId> requested) {
    if (tokenHolder.isPresent()) {
      if (requested.isPresent() && !requested.equals(tokenHolder)) {
        throw DomainException.forbidden("A device token answers only for its own member.");
      }
      return tokenHolder.get();
    }
    if (caller.isEmpty()) {
      throw DomainException.unauthenticated(
          "The trusted channel answers only to a tester's device token (X-Device-Token), the"
              + " member signed in, or a community manager's token.");
    }
    if (requested.isEmpty() || requested.equals(caller)) {
      return caller.get();
    }
    if (!callerManages) {
      throw DomainException.forbidden("Whether another member is a trusted tester is not public.");
    }
    return requested.get();
  }
}
