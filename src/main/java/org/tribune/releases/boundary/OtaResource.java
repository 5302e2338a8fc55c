package org.tribune.releases.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.platform.entity.DomainException;
import org.tribune.releases.entity.Channel;

/** The endpoint an OTA server polls: offer this device's current build to this subject? */
@Path("ota/offer")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class OtaResource {

  @Inject Builds builds;

  @GET
  @Operation(
      summary = "Whether to offer a channel's current build",
      description =
          "device = the device model's code; exactly one of member (member id) or deviceId;"
              + " channel = trusted, developer (default) or stable. The trusted channel is"
              + " offered only to the device's trusted testers (a member subject). Answers"
              + " offer=false with a reason: no-build, not-a-tester, not-recommended, halted,"
              + " not-in-cohort.")
  public OtaOffer offer(
      @QueryParam("device") String device,
      @QueryParam("member") String member,
      @QueryParam("deviceId") String deviceId,
      @QueryParam("channel") String channel) {
    if (device == null || device.isBlank()) {
      throw DomainException.invalid("device", "is required");
    }
    boolean hasMember = member != null && !member.isBlank();
    boolean hasDevice = deviceId != null && !deviceId.isBlank();
    if (hasMember == hasDevice) {
      throw DomainException.invalid("member", "give exactly one of member or deviceId");
    }
    if (hasMember && !member.matches("\\d{1,18}")) {
      throw DomainException.invalid("member", "must be a member id");
    }
    if (hasDevice && deviceId.length() > 200) {
      throw DomainException.invalid("deviceId", "at most 200 characters");
    }
    Channel wanted = Channel.DEVELOPER;
    if (channel != null) {
      wanted =
          Arrays.stream(Channel.values())
              .filter(c -> c != Channel.UPCOMING && c.wire().equals(channel))
              .findFirst()
              .orElseThrow(
                  () -> DomainException.invalid("channel", "trusted, developer or stable"));
    }
    return builds.offer(
        device,
        hasMember ? "member:" + member : "device:" + deviceId,
        wanted,
        hasMember ? Long.valueOf(member) : null);
  }
}
