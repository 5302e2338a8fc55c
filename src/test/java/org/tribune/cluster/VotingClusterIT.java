package org.tribune.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.Members.SignedIn;

/**
 * Members vote on the same ideas through both instances at once. Each instance has its own vote
 * ingest writer; both write to one PostgreSQL. Counts, budgets and "one vote per member per idea"
 * must come out exactly as if there were one instance.
 */
class VotingClusterIT {

  private static final URI[] INSTANCES = {Cluster.A, Cluster.B};
  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(16);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void votesCastThroughBothInstancesAtOnceAreCountedExactly() throws Exception {
    List<Long> ideas = ideas(3);
    List<SignedIn> voters = voters("counted", 24);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ApiClient.Response>> votes = new ArrayList<>();
    int n = 0;
    for (SignedIn voter : voters) {
      for (long idea : ideas) {
        ApiClient client = Cluster.sameBrowserOn(INSTANCES[n++ % 2], voter.client());
        votes.add(pool.submit(vote(go, client, idea)));
      }
    }
    go.countDown();
    Map<Integer, Integer> statuses = statuses(votes);
    assertEquals(Map.of(201, voters.size() * ideas.size()), statuses);
    for (long idea : ideas) {
      for (URI instance : INSTANCES) {
        assertEquals(voters.size(), tally(instance, idea), "idea " + idea + " on " + instance);
      }
    }
  }

  @Test
  void aMemberVotingThroughBothInstancesAtOnceIsCountedOnce() throws Exception {
    long idea = ideas(1).get(0);
    List<SignedIn> voters = voters("twice", 16);
    CountDownLatch go = new CountDownLatch(1);
    Map<Long, List<Future<ApiClient.Response>>> byVoter = new ConcurrentHashMap<>();
    for (SignedIn voter : voters) {
      List<Future<ApiClient.Response>> attempts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ApiClient client = Cluster.sameBrowserOn(INSTANCES[i % 2], voter.client());
        attempts.add(pool.submit(vote(go, client, idea)));
      }
      byVoter.put(voter.id(), attempts);
    }
    go.countDown();
    for (var entry : byVoter.entrySet()) {
      Map<Integer, Integer> statuses = statuses(entry.getValue());
      assertEquals(
          Map.of(201, 1, 409, 3), statuses, "member " + entry.getKey() + ": one vote counts");
    }
    for (URI instance : INSTANCES) {
      assertEquals(voters.size(), tally(instance, idea));
    }
  }

  @Test
  void theWeeklyBudgetHoldsAcrossInstances() throws Exception {
    int budget = budgetLimit();
    List<Long> ideas = ideas(budget + 4);
    List<SignedIn> voters = voters("frugal", 8);
    CountDownLatch go = new CountDownLatch(1);
    Map<Long, List<Future<ApiClient.Response>>> byVoter = new ConcurrentHashMap<>();
    for (SignedIn voter : voters) {
      List<Future<ApiClient.Response>> attempts = new ArrayList<>();
      int n = 0;
      for (long idea : ideas) {
        ApiClient client = Cluster.sameBrowserOn(INSTANCES[n++ % 2], voter.client());
        attempts.add(pool.submit(vote(go, client, idea)));
      }
      byVoter.put(voter.id(), attempts);
    }
    go.countDown();
    for (var entry : byVoter.entrySet()) {
      assertEquals(
          Map.of(201, budget, 422, ideas.size() - budget),
          statuses(entry.getValue()),
          "member " + entry.getKey() + " spends exactly the budget");
    }
    for (SignedIn voter : voters) {
      for (URI instance : INSTANCES) {
        ApiClient.Response spent =
            Cluster.sameBrowserOn(instance, voter.client()).get("/api/v1/me/budget");
        assertEquals(budget, spent.object().getInt("used"), spent::toString);
        assertEquals(0, spent.object().getInt("remaining"), spent::toString);
      }
    }
    long stored = 0;
    for (long idea : ideas) {
      stored += tally(Cluster.A, idea);
    }
    assertEquals((long) budget * voters.size(), stored, "the tallies hold exactly the budgets");
  }

  // ---- helpers ----

  private static Callable<ApiClient.Response> vote(CountDownLatch go, ApiClient client, long idea) {
    return () -> {
      go.await();
      return client.post("/api/v1/ideas/" + idea + "/votes", null);
    };
  }

  private static Map<Integer, Integer> statuses(List<Future<ApiClient.Response>> responses)
      throws Exception {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    for (Future<ApiClient.Response> response : responses) {
      statuses.merge(response.get(120, TimeUnit.SECONDS).status(), 1, Integer::sum);
    }
    return statuses;
  }

  private static long tally(URI instance, long idea) {
    ApiClient.Response tally = new ApiClient(instance).get("/api/v1/ideas/" + idea + "/votes");
    assertEquals(200, tally.status(), tally::toString);
    return tally.object().getJsonNumber("votes").longValue();
  }

  private static int budgetLimit() {
    SignedIn probe = Cluster.members(Cluster.A).signUp("probe");
    return probe.client().get("/api/v1/me/budget").object().getInt("limit");
  }

  private static List<Long> ideas(int count) {
    SignedIn author = Cluster.members(Cluster.A).signUp("author");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ApiClient.Response created =
          author
              .client()
              .post(
                  "/api/v1/ideas",
                  "{\"title\":\"Cluster idea "
                      + tag
                      + " "
                      + i
                      + "\",\"body\":\"Voted on through two instances at once.\"}");
      assertEquals(201, created.status(), created::toString);
      ids.add(created.object().getJsonNumber("id").longValue());
    }
    return ids;
  }

  /** Members signed up alternately on both instances, in parallel. */
  private static List<SignedIn> voters(String prefix, int count) throws Exception {
    AtomicInteger n = new AtomicInteger();
    List<Future<SignedIn>> signUps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signUps.add(
          pool.submit(() -> Cluster.members(INSTANCES[n.getAndIncrement() % 2]).signUp(prefix)));
    }
    List<SignedIn> voters = new ArrayList<>();
    for (Future<SignedIn> signUp : signUps) {
      voters.add(signUp.get(120, TimeUnit.SECONDS));
    }
    return voters;
  }
}
