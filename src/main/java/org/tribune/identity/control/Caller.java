package org.tribune.identity.control;

import java.time.Instant;
import java.util.Set;
import org.tribune.identity.entity.MemberId;

/**
 * Everything a request needs to know about who sent it, resolved from a session cookie or an API
 * token and cached for a short while.
 *
 * @param csrfToken the session's CSRF token; null for an API token
 * @param tokenId the API token's id; null for a session
 * @param expiresAt when a session ends; null for an API token, which lives until revoked
 */
public record Caller(
    MemberId member, Set<String> roles, String csrfToken, Long tokenId, Instant expiresAt) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean bySession() {
    return tokenId == null;
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
