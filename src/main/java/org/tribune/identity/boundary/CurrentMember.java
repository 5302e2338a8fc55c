package org.tribune.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;

/**
 * Who is calling, for facades that check ownership. The authentication mechanism names the caller
 * principal by the member's id, so this needs no database access.
 */
@RequestScoped
public class CurrentMember {

  @Inject SecurityContext security;

  public Optional<MemberId> id() {
    Principal principal = security.getCallerPrincipal();
    if (principal == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(MemberId.of(principal.getName()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The caller's id, or a 401 problem when nobody is signed in. */
  public MemberId require() {
    return id().orElseThrow(
            () -> DomainException.unauthenticated("Sign in or send a bearer token."));
  }

  public boolean has(String role) {
    return id().isPresent() && security.isCallerInRole(role);
  }

  /** Throws 401 when signed out, 403 when signed in without the role. */
  public MemberId requireRole(String role) {
    MemberId id = require();
    if (!security.isCallerInRole(role)) {
      throw DomainException.forbidden("This needs the role " + role + ".");
    }
    return id;
  }
}
