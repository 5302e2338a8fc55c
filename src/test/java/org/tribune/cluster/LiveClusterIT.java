package org.tribune.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tribune.qa.QaWorld;

/**
 * A live session's watchers may be connected to any instance: a community manager's control on
 * instance A reaches a watcher whose server-sent event stream is held by instance B (through
 * cluster events), within the event deadline.
 */
class LiveClusterIT {

  @Test
  void aChangeMadeOnOneInstanceReachesWatchersOfTheOther() throws Exception {
    QaWorld world = new QaWorld(Cluster.members(Cluster.A), "held");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<InputStream> stream =
        http.send(
            HttpRequest.newBuilder(
                    Cluster.B.resolve("api/v1/qa/sessions/" + world.session + "/live"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, stream.statusCode());
    try (BufferedReader events =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      assertEquals("planned", nextState(events).getString("liveState"));
      var started =
          Cluster.sameBrowserOn(Cluster.A, world.manager.client())
              .post(
                  "/api/v1/qa/sessions/" + world.session + "/live",
                  Json.createObjectBuilder().add("action", "start").build().toString());
      assertEquals(200, started.status(), started::toString);
      JsonObject seenOnB = nextState(events);
      assertEquals("live", seenOnB.getString("liveState"));
      assertEquals(world.session, seenOnB.getJsonNumber("session").longValue());
    } finally {
      stream.body().close();
    }
  }

  /** The next "state" event's data, failing after the cluster event deadline without one. */
  private static JsonObject nextState(BufferedReader events) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                boolean state = false;
                for (String line = events.readLine(); line != null; line = events.readLine()) {
                  if (line.equals("event: state") || line.equals("event:state")) {
                    state = true;
                  } else if (state && line.startsWith("data:")) {
                    return Json.createReader(new StringReader(line.substring(5).strip()))
                        .readObject();
                  }
                }
                throw new AssertionError("the event stream ended");
              } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .get(Cluster.EVENT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
  }
}
