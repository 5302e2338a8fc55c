package org.tribune.releases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** Device models, their current build and their build history (docs/api.md, "Builds"). */
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DevicesResource {

  @Inject Builds builds;

  public record NewDevice(@NotNull String code, @NotNull String name) {}

  @GET
  @Operation(summary = "Device models")
  public List<DeviceView> list() {
    return builds.devices();
  }

  @POST
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Add a device model (community manager)")
  public Response create(@Valid @NotNull NewDevice device) {
    return Response.status(201).entity(builds.createDevice(device.code(), device.name())).build();
  }

  @GET
  @Path("{id: \\d+}/current")
  @Operation(summary = "This week's build: the newest on the developer channel")
  public BuildView current(@PathParam("id") long id) {
    return builds.current(id);
  }

  @GET
  @Path("{id: \\d+}/builds")
  @Operation(summary = "Build history, newest first, with scores, verdicts and the rolling score")
  public DeviceHistory history(@PathParam("id") long id) {
    return builds.history(id, 30);
  }
}
