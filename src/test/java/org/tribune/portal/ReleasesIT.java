package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tribune.releases.ReleaseFixtures.check;
import static org.tribune.releases.ReleaseFixtures.installedAgo;
import static org.tribune.releases.ReleaseFixtures.verdict;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tribune.releases.ReleaseFixtures;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members.SignedIn;

class ReleasesIT extends BrowserIT {

  @Test
  void aMemberRatesTestersJudgeTheBuildBadAndVotersAreAskedWhetherItSolvedTheirProblem() {
    ReleaseFixtures f = new ReleaseFixtures(members());
    long device = f.device();
    String word = Portal.uniqueWord();
    SignedIn author = members().signUp("author");
    SignedIn voter = members().signUp("voter");
    long idea = Portal.idea(author.client(), "Charging limit " + word);
    Portal.vote(voter.client(), idea);
    for (String[] step : new String[][] {{"under_review", null}, {"planned", "OS2 weekly"}}) {
      var body = Json.createObjectBuilder().add("status", step[0]).add("reason", "Roadmap");
      if (step[1] != null) {
        body.add("targetBuild", step[1]);
      }
      check(
          f.manager().client().post("/api/v1/ideas/" + idea + "/status", body.build().toString()),
          200);
    }
    JsonObject build = f.build(device, Duration.ofDays(3), idea);
    long buildId = build.getJsonNumber("id").longValue();
    assertEquals("shipped", anonymous().get("/api/v1/ideas/" + idea).object().getString("status"));

    SignedIn rater = members().signUp("rater");
    installedAgo(rater, buildId, Duration.ofDays(2));
    Portal portal = new Portal(page);
    portal.signIn(rater.email());
    portal.open("/builds?device=" + device);
    assertThat(portal.byTestId("build-card"))
        .hasAttribute("data-build-id", String.valueOf(buildId));
    portal.byTestId("rate-stars").selectOption("4");
    portal.byTestId("rate-submit").click();
    assertThat(portal.byTestId("my-rating")).containsText("4★");
    assertThat(portal.byTestId("score")).containsText("1 ratings");

    for (int i = 0; i < 3; i++) {
      SignedIn tester = f.tester(device);
      installedAgo(tester, buildId, Duration.ofDays(3));
      check(verdict(tester.client(), buildId, false), 201);
    }
    // The same route again: reload, as a member coming back to the page would.
    page.reload();
    assertThat(portal.byTestId("not-recommended")).containsText("Not recommended");
    assertThat(portal.byTestId("verdict-summary")).hasAttribute("data-state", "bad");
    assertThat(portal.byTestId("halted")).isVisible();
    JsonObject offer =
        anonymous()
            .get("/api/v1/ota/offer?device=" + f.code(device) + "&member=" + rater.id())
            .object();
    assertFalse(offer.getBoolean("offer"));
    assertEquals("not-recommended", offer.getString("reason"));

    portal.byTestId("sign-out").click();
    assertThat(portal.byTestId("nav-signin")).isVisible();
    portal.signIn(voter.email());
    portal.open("/builds?device=" + device);
    assertThat(portal.byTestId("ship-prompt")).containsText("Charging limit " + word);
    portal.byTestId("prompt-yes").click();
    assertThat(portal.byTestId("prompt-answer")).hasText("You answered: yes");
  }
}
