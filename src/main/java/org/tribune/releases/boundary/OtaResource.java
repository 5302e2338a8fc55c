package org.tribune.releases.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.releases.control.TrustedChannelAccess;
import org.tribune.releases.entity.Channel;

/** The endpoint an OTA server polls: offer this device's current build to this subject? */
@Path("ota/offer")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class OtaResource {

  @Inject Builds builds;
  @Inject DeviceTokens tokens;
  @Inject Testers testers;
  @Inject CurrentMember current;

  @GET
  @Operation(
      summary = "Whether to offer a channel's current build",
      description =
          "device = the device model's code; exactly one of member (member id) or deviceId;"
              + " channel = trusted, developer (default) or stable. The trusted channel is"
              + " offered only to the device's trusted testers, and since tester status is not"
              + " public it answers only to the tester's device token (X-Device-Token; member"
              + " and deviceId may then be left out), the member signed in, or a community"
              + " manager or admin (401 / 403 otherwise). Answers offer=false with a reason:"
              + " no-build, not-a-tester, not-recommended, halted, not-in-cohort.")
  public OtaOffer offer(
      @HeaderParam("X-Device-Token") String deviceToken,
      @QueryParam("device") String device,
      @QueryParam("member") String member,
      @QueryParam("deviceId") String deviceId,
      @QueryParam("channel") String channel) {
    if (device == null || device.isBlank()) {
      throw DomainException.invalid("device", "is required");
    }
    Channel wanted = channel(channel);
    boolean hasMember = member != null && !member.isBlank();
    boolean hasDevice = deviceId != null && !deviceId.isBlank();
    if (hasMember && !member.matches("\\d{1,18}")) {
      throw DomainException.invalid("member", "must be a member id");
    }
    if (wanted == Channel.TRUSTED) {
      if (hasDevice) {
        throw DomainException.invalid("deviceId", "the trusted channel is asked for a member");
      }
      return trusted(device, deviceToken, hasMember ? Long.valueOf(member) : null);
    }
    if (hasMember == hasDevice) {
      throw DomainException.invalid("member", "give exactly one of member or deviceId");
    }
    if (hasDevice && deviceId.length() > 200) {
      throw DomainException.invalid("deviceId", "at most 200 characters");
    }
    return builds.offer(
        device,
        hasMember ? "member:" + member : "device:" + deviceId,
        wanted,
        hasMember ? Long.valueOf(member) : null);
  }

  private OtaOffer trusted(String device, String deviceToken, Long requested) {
    Optional<DeviceTokens.TokenHolder> holder = tokens.holder(deviceToken);
    MemberId subject =
        TrustedChannelAccess.subject(
            holder.map(DeviceTokens.TokenHolder::member),
            current.id(),
            current.has(Roles.COMMUNITY_MANAGER) || current.has(Roles.ADMIN),
            Optional.ofNullable(requested).map(MemberId::new));
    testers.refresh(subject);
    return builds.offer(
        device,
        "member:" + subject.value(),
        Channel.TRUSTED,
        subject.value(),
        holder.map(DeviceTokens.TokenHolder::deviceId));
  }

  private static Channel channel(String channel) {
    if (channel == null) {
      return Channel.DEVELOPER;
    }
    return Arrays.stream(Channel.values())
        .filter(c -> c != Channel.UPCOMING && c.wire().equals(channel))
        .findFirst()
        .orElseThrow(() -> DomainException.invalid("channel", "trusted, developer or stable"));
  }
}
