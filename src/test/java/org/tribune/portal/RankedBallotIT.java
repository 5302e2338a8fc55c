package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tribune.selection.RoundSteps;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members.SignedIn;

/** A member ranks candidates with the keyboard alone and casts a secret ballot. */
class RankedBallotIT extends BrowserIT {

  @Test
  void aMemberRanksCandidatesWithTheKeyboardAndGetsAReceipt() {
    RoundSteps steps = new RoundSteps(base());
    SignedIn manager = members().withRoles("manager", "community_manager");
    long round =
        RoundSteps.create(manager, RoundSteps.roundBody("Ballot in the browser", 2, b -> {}));
    long ana = RoundSteps.nominateSelf(steps.member("Ana Browser", "casual", "BR", "Redmi"), round);
    long raj =
        RoundSteps.nominateSelf(steps.member("Raj Browser", "developer", "IN", "POCO"), round);
    RoundSteps.nominateSelf(steps.member("Wei Browser", "creator", "CN", "Xiaomi 14"), round);
    RoundSteps.advance(manager, round, "endorsement");
    RoundSteps.advance(manager, round, "voting");
    SignedIn voter = members().signUp("ballot-voter");

    Portal portal = new Portal(page);
    portal.signIn(voter.email());
    portal.open("/rounds/" + round);
    assertThat(portal.byTestId("round-phase")).hasText("Voting");
    portal.byTestId("ballot-link").click();
    assertThat(portal.byTestId("ballot-candidate")).hasCount(3);

    // Keyboard only: Ana, then Raj, into the ranking; then Raj moved above Ana.
    page.locator("[data-candidate='" + ana + "'] [data-testid=rank-add]").focus();
    page.keyboard().press("Enter");
    page.locator("[data-candidate='" + raj + "'] [data-testid=rank-add]").focus();
    page.keyboard().press("Enter");
    assertThat(portal.byTestId("ballot-ranked-item")).hasCount(2);
    page.locator("[data-candidate='" + raj + "'] [data-testid=rank-up]").focus();
    page.keyboard().press("Enter");
    assertThat(portal.byTestId("ballot-ranked-item").first()).containsText("Raj Browser");
    assertThat(portal.byTestId("ballot-ranked-item").nth(1)).containsText("Ana Browser");
    page.keyboard().press("Tab");
    portal.byTestId("ballot-submit").focus();
    page.keyboard().press("Enter");

    assertThat(portal.byTestId("ballot-receipt-hash")).hasText(Pattern.compile("^[0-9a-f]{64}$"));
    assertThat(portal.byTestId("ballot-receipt")).containsText("2,1");
    assertTrue(
        voter.client().get("/api/v1/selection/rounds/" + round).object().getBoolean("hasVoted"));
    assertEquals(
        1, voter.client().get("/api/v1/selection/rounds/" + round).object().getInt("ballotsCast"));

    portal.open("/rounds/" + round);
    assertThat(portal.byTestId("round-voted")).isVisible();
    portal.open("/rounds/" + round + "/ballot");
    assertThat(portal.byTestId("ballot-already")).isVisible();
  }
}
