package org.tribune.releases.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where a phone's OTA client reports an install, authenticated by its device token alone (no
 * session, no API token): the only way to report an install time earlier than now.
 */
@Path("ota/installs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class OtaInstallsResource {

  @Inject DeviceTokens tokens;
  @Inject org.tribune.releases.control.ReleaseSettings settings;

  public record DeviceInstall(@NotNull Long buildId, Instant installedAt) {}

  @POST
  @Operation(
      summary = "A phone reports that it installed a build (X-Device-Token)",
      description =
          "installedAt (default now) may be earlier than now, but not in the future and not"
              + " before the build was available to the token's member. 401 without a live"
              + " device token; 422 wrong-device for a build of another device model.")
  public Response report(
      @HeaderParam("X-Device-Token") String token, @Valid @NotNull DeviceInstall body) {
    Instant at = tokens.reportInstall(token, body.buildId(), body.installedAt());
    return Response.status(201)
        .entity(
            new BuildsResource.InstallReceipt(
                body.buildId(), at, at.plus(settings.ratingWindow().minimumOnBuild())))
        .build();
  }
}
