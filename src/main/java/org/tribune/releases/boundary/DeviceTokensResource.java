package org.tribune.releases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.entity.Roles;

/** The signed-in member's device tokens (docs/api.md, "Installs and ratings"). */
@Path("me/device-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class DeviceTokensResource {

  @Inject DeviceTokens tokens;

  public record NewToken(@NotNull Long deviceId, @NotNull String name) {}

  @POST
  @Operation(
      summary = "Issue a device token for one of my phones (the secret is shown only now)",
      description = "The token can only report installs of the device model's builds.")
  public Response issue(@Valid @NotNull NewToken body) {
    return Response.status(201).entity(tokens.issue(body.deviceId(), body.name())).build();
  }

  @GET
  @Operation(summary = "My live device tokens")
  public List<DeviceTokens.TokenView> list() {
    return tokens.mine();
  }

  @DELETE
  @Path("{id: \\d+}")
  @Operation(summary = "Revoke a device token")
  public Response revoke(@PathParam("id") long id) {
    tokens.revoke(id);
    return Response.noContent().build();
  }
}
