package org.tribune.identity.boundary;

import org.tribune.identity.entity.MemberId;

/**
 * A credential stopped meaning what it meant (revoked, signed out, roles changed). Observed after
 * the transaction commits, so that the cache is never refilled from the old state.
 *
 * @param secretHash the one credential that changed, or null when all of the member's did
 */
public record CredentialsChanged(MemberId member, String secretHash) {}
