package org.tribune.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.Members;
import org.tribune.testsupport.Members.SignedIn;

/**
 * A member signed in on one instance is signed in on the other, and a change of credentials made on
 * one instance (sign-out, revoked token, new roles) applies on the other within moments: the
 * instances' caller caches are evicted through cluster events (PostgreSQL LISTEN/NOTIFY), well
 * before their 30-second TTL would have expired the entry.
 */
class SessionsClusterIT {

  @Test
  void aSessionStartedOnOneInstanceIsValidOnTheOther() {
    SignedIn member = Cluster.members(Cluster.A).signUp("roaming");
    ApiClient onB = Cluster.sameBrowserOn(Cluster.B, member.client());
    ApiClient.Response me = onB.get("/api/v1/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals(member.id(), me.object().getJsonNumber("id").longValue());

    ApiClient.Response renamed = onB.patch("/api/v1/me", "{\"displayName\":\"Roamed to B\"}");
    assertEquals(200, renamed.status(), "the CSRF token from A is valid on B: " + renamed);
    assertEquals(
        "Roamed to B", member.client().get("/api/v1/me").object().getString("displayName"));
  }

  @Test
  void signingOutOnOneInstanceEndsTheSessionOnTheOther() {
    SignedIn member = Cluster.members(Cluster.A).signUp("leaving");
    ApiClient onB = Cluster.sameBrowserOn(Cluster.B, member.client());
    assertEquals(200, onB.get("/api/v1/me").status(), "B has the session cached now");

    assertEquals(204, member.client().delete("/api/v1/session").status());
    assertTrue(
        Cluster.within(Cluster.EVENT_DEADLINE, () -> onB.get("/api/v1/me").status() == 401),
        "B refuses the signed-out session");
  }

  @Test
  void aRevokedTokenIsRefusedByTheOtherInstance() {
    SignedIn member = Cluster.members(Cluster.A).signUp("integrator");
    ApiClient.Response created = member.client().post("/api/v1/me/tokens", "{\"name\":\"ci\"}");
    assertEquals(201, created.status(), created::toString);
    long tokenId = created.object().getJsonNumber("id").longValue();
    ApiClient bearerOnB = new ApiClient(Cluster.B).withBearer(created.object().getString("token"));
    assertEquals(200, bearerOnB.get("/api/v1/me").status());

    ApiClient.Response revoked = member.client().delete("/api/v1/me/tokens/" + tokenId);
    assertTrue(revoked.status() / 100 == 2, revoked::toString);
    assertTrue(
        Cluster.within(Cluster.EVENT_DEADLINE, () -> bearerOnB.get("/api/v1/me").status() == 401),
        "B refuses the revoked token");
  }

  @Test
  void rolesGrantedOnOneInstanceApplyOnTheOther() {
    SignedIn member = Cluster.members(Cluster.A).signUp("promoted");
    ApiClient onB = Cluster.sameBrowserOn(Cluster.B, member.client());
    assertEquals(403, onB.get("/api/v1/moderation/ideas").status());

    Members.SignedIn admin = Cluster.members(Cluster.A).admin();
    ApiClient.Response granted =
        admin
            .client()
            .put(
                "/api/v1/members/" + member.id() + "/roles",
                "{\"roles\":[\"member\",\"community_manager\"]}");
    assertEquals(200, granted.status(), granted::toString);
    assertTrue(
        Cluster.within(
            Cluster.EVENT_DEADLINE, () -> onB.get("/api/v1/moderation/ideas").status() == 200),
        "B sees the new role without a new sign-in");
  }
}
