package org.tribune.releases.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.control.Secrets;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.releases.control.ReleaseSettings;
import org.tribune.releases.entity.DeviceToken;

/**
 * Device tokens: the one credential that may say when a build was installed. A member issues one
 * per phone (the secret is shown once) and puts it in the phone's OTA client, which reports
 * installs with the install time; members' own reports (portal or API token) are stamped with the
 * server's clock. The time a token reports is still bounded by when the build became available to
 * the member.
 */
@ApplicationScoped
@Transactional
public class DeviceTokens {

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject CurrentMember current;
  @Inject ReleaseSettings settings;
  @Inject Builds builds;

  public record TokenView(long id, DeviceView device, String name, Instant createdAt) {}

  public record IssuedToken(
      long id, DeviceView device, String name, String token, Instant createdAt) {}

  public IssuedToken issue(long deviceId, String name) {
    MemberId member = current.requireRole(Roles.MEMBER);
    DeviceView device = DeviceView.of(builds.device(deviceId));
    String secret = DeviceToken.PREFIX + Secrets.newSessionToken();
    DeviceToken token =
        new DeviceToken(member, deviceId, name, Secrets.hash(secret), settings.clock().instant());
    em.persist(token);
    em.flush();
    return new IssuedToken(token.id(), device, token.name(), secret, token.createdAt());
  }

  public List<TokenView> mine() {
    MemberId member = current.requireRole(Roles.MEMBER);
    return em
        .createQuery(
            "SELECT t FROM DeviceToken t WHERE t.memberId = :m AND t.revokedAt IS NULL"
                + " ORDER BY t.id",
            DeviceToken.class)
        .setParameter("m", member.value())
        .getResultList()
        .stream()
        .map(
            t ->
                new TokenView(
                    t.id(), DeviceView.of(builds.device(t.deviceId())), t.name(), t.createdAt()))
        .toList();
  }

  public void revoke(long id) {
    MemberId member = current.requireRole(Roles.MEMBER);
    DeviceToken token = em.find(DeviceToken.class, id);
    if (token == null || !token.belongsTo(member)) {
      throw DomainException.notFound("Device token", id);
    }
    token.revoke(settings.clock().instant());
  }

  /**
   * The phone reports an install of a build of its device model; {@code installedAt} defaults to
   * now. Answers the install time recorded (a repeated report keeps the first).
   */
  public Instant reportInstall(String secret, long buildId, Instant installedAt) {
    DeviceToken token = live(secret);
    return builds.installFromDevice(token.member(), token.deviceId(), buildId, installedAt);
  }

  /**
   * The member and device model of the live device token sent, if one was sent (401 if unknown).
   */
  public Optional<TokenHolder> holder(String secret) {
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    DeviceToken token = live(secret);
    return Optional.of(new TokenHolder(token.member(), token.deviceId()));
  }

  public record TokenHolder(MemberId member, long deviceId) {}

  private DeviceToken live(String secret) {
    if (secret == null
        || !secret.startsWith(DeviceToken.PREFIX)
        || !Secrets.looksLikeSessionToken(secret.substring(DeviceToken.PREFIX.length()))) {
      throw DomainException.unauthenticated("Send the phone's device token in X-Device-Token.");
    }
    return em.createQuery("SELECT t FROM DeviceToken t WHERE t.tokenHash = :h", DeviceToken.class)
        .setParameter("h", Secrets.hash(secret))
        .getResultStream()
        .filter(DeviceToken::live)
        .findFirst()
        .orElseThrow(() -> DomainException.unauthenticated("Unknown or revoked device token."));
  }
}
