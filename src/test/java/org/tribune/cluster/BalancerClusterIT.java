package org.tribune.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.Members.SignedIn;

/** Through nginx, round robin and without sticky sessions, the two instances act as one. */
class BalancerClusterIT {

  @Test
  void theBalancerSpreadsRequestsOverBothInstances() {
    ApiClient client = new ApiClient(Cluster.BALANCER);
    Set<String> upstreams = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      ApiClient.Response ideas = client.get("/api/v1/ideas?limit=1");
      assertEquals(200, ideas.status(), ideas::toString);
      upstreams.add(ideas.header(Cluster.UPSTREAM_HEADER).orElseThrow());
    }
    assertEquals(2, upstreams.size(), "both instances answered: " + upstreams);
  }

  @Test
  void aPortalSessionWorksOnEveryRequestWhicheverInstanceAnswers() {
    SignedIn member = Cluster.members(Cluster.BALANCER).signUp("balanced");
    Set<String> upstreams = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      ApiClient.Response me = member.client().get("/api/v1/me");
      assertEquals(200, me.status(), me::toString);
      assertEquals(member.id(), me.object().getJsonNumber("id").longValue());
      upstreams.add(me.header(Cluster.UPSTREAM_HEADER).orElseThrow());
      ApiClient.Response renamed =
          member.client().patch("/api/v1/me", "{\"displayName\":\"Balanced " + i + "\"}");
      assertEquals(200, renamed.status(), renamed::toString);
      upstreams.add(renamed.header(Cluster.UPSTREAM_HEADER).orElseThrow());
    }
    assertEquals(2, upstreams.size(), "both instances served the session: " + upstreams);
    assertEquals(
        "Balanced 5",
        member.client().get("/api/v1/me").object().getString("displayName"),
        "every instance reads the same member");
  }
}
