package org.tribune.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tribune.identity.entity.Roles;

/** The signed-in member's own account. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class MeResource {

  /** Absent fields stay as they are. */
  public record ProfileChange(String displayName, String locale) {}

  @Inject Accounts accounts;
  @Inject CurrentMember caller;

  @GET
  public MemberView me() {
    return MemberView.full(accounts.find(caller.require()));
  }

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  public MemberView change(ProfileChange body) {
    ProfileChange change = RequestBodies.required(body);
    return MemberView.full(
        accounts.changeProfile(caller.require(), change.displayName(), change.locale()));
  }
}
