package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tribune.selection.RoundSteps;
import org.tribune.testsupport.ApiClient.Response;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members.SignedIn;

/** Anyone, signed out, reads a sortition round's draw: the panel and every probability. */
class SortitionResultsIT extends BrowserIT {

  @Test
  void theDrawShowsThePanelEveryProbabilityAndTheSeed() {
    RoundSteps steps = new RoundSteps(base());
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round =
        RoundSteps.create(
            manager,
            RoundSteps.sortitionBody("Lot in the browser", 2, "member_type", "developer", 1, 1));
    RoundSteps.nominateSelf(steps.member("Dev Lot A", "developer", "IN", "POCO"), round);
    RoundSteps.nominateSelf(steps.member("Dev Lot B", "developer", "BR", "Redmi"), round);
    RoundSteps.nominateSelf(steps.member("Cas Lot C", "casual", "JP", "Redmi"), round);
    RoundSteps.nominateSelf(steps.member("Cas Lot D", "casual", "IN", "POCO"), round);
    RoundSteps.advance(manager, round, "endorsement");
    RoundSteps.advance(manager, round, "voting");
    RoundSteps.advance(manager, round, "counting");
    Response drawn = manager.client().post("/api/v1/selection/rounds/" + round + "/count", null);
    assertEquals(200, drawn.status(), drawn.toString());
    JsonObject draw = drawn.object();

    Portal portal = new Portal(page);
    portal.open("/rounds/" + round);
    assertThat(portal.byTestId("round-phase")).hasText("Results");
    assertThat(portal.byTestId("draw-volunteer")).hasCount(4);
    // One developer of two, one casual of two: everyone has an even chance.
    for (int i = 0; i < 4; i++) {
      assertThat(portal.byTestId("draw-probability").nth(i)).hasText("50.00 %");
    }
    assertThat(portal.byTestId("draw-panel").locator("li")).hasCount(2);
    assertThat(page.locator("[data-testid=draw-volunteer][data-selected=true]")).hasCount(2);
    String first =
        draw.getJsonArray("panel")
            .getJsonObject(0)
            .getJsonObject("member")
            .getString("displayName");
    assertThat(portal.byTestId("draw-panel")).containsText(first);
    assertThat(portal.byTestId("draw-seed")).hasText(draw.getString("seed"));
    assertThat(portal.byTestId("draw-sha")).hasText(draw.getString("resultSha256"));
  }
}
