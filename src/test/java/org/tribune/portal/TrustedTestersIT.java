package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tribune.releases.ReleaseFixtures.check;

import com.microsoft.playwright.Locator;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tribune.releases.ReleaseFixtures;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members.SignedIn;

/**
 * The trusted-tester pipeline in the portal: members apply on the builds page, a community manager
 * declines one application with a reason and invites another on the testers screen (keyboard only),
 * and each applicant sees the outcome on their builds page.
 */
class TrustedTestersIT extends BrowserIT {

  private static final String REASON = "We need testers who use this phone daily.";

  @Test
  void aManagerDeclinesOneApplicationAndInvitesAnotherAndTheApplicantsSeeTheOutcome() {
    ReleaseFixtures f = new ReleaseFixtures(members());
    long device = f.device();
    // Released tomorrow: today it is in the trusted channel, an early build for testers only.
    long early = f.build(device, Duration.ofHours(-24)).getJsonNumber("id").longValue();
    SignedIn declined = members().signUp("declined");
    check(
        declined
            .client()
            .post(
                "/api/v1/testers/applications",
                "{\"deviceId\":" + device + ",\"motivation\":\"I like new builds.\"}"),
        201);
    SignedIn invited = members().signUp("invited");
    Portal portal = new Portal(page);

    // The second applicant applies on the builds page and sees the application waiting.
    portal.signIn(invited.email());
    portal.open("/builds?device=" + device);
    portal.byTestId("tester-motivation").fill("Daily driver, I send logs.");
    portal.byTestId("tester-apply").click();
    assertThat(portal.byTestId("tester-application")).hasAttribute("data-outcome", "open");
    assertThat(portal.byTestId("tester-apply")).hasCount(0);
    signOut(portal);

    // The community manager reaches the testers screen from the builds page.
    portal.signIn(f.manager().email());
    portal.open("/builds?device=" + device);
    portal.byTestId("manage-testers").click();
    assertThat(page).hasURL(Pattern.compile("#/builds/testers$"));
    assertThat(page.locator("#main h1")).hasText("Trusted testers");

    Locator first = application(portal, declined);
    assertThat(first.getByTestId("application-motivation")).hasText("I like new builds.");
    // Declining without a reason is refused beside the field, and nothing changes.
    first.getByTestId("application-decline-reason").focus();
    page.keyboard().press("Enter");
    assertThat(first.getByTestId("field-error-reason")).isVisible();
    assertThat(application(portal, declined)).hasCount(1);
    first.getByTestId("application-decline-reason").fill(REASON);
    page.keyboard().press("Enter");
    assertThat(application(portal, declined)).hasCount(0);
    assertThat(page.locator("#status")).containsText("declined");

    Locator second = application(portal, invited);
    assertThat(second.getByTestId("application-motivation")).hasText("Daily driver, I send logs.");
    second.getByTestId("application-invite").focus();
    page.keyboard().press("Enter");
    assertThat(application(portal, invited)).hasCount(0);
    Locator testers =
        page.locator("[data-testid=tester-device][data-device-id=\"" + device + "\"]");
    Locator row =
        testers.locator("[data-testid=tester-row][data-member-id=\"" + invited.id() + "\"]");
    assertThat(row).hasAttribute("data-status", "active");
    assertThat(row.getByTestId("tester-remove-toggle")).isVisible();
    signOut(portal);

    // The invited member has the tester panel with the early build.
    portal.signIn(invited.email());
    portal.open("/builds?device=" + device);
    assertThat(portal.byTestId("tester-panel")).hasAttribute("data-status", "active");
    assertThat(portal.byTestId("early-build")).hasAttribute("href", "#/builds/" + early);
    assertThat(portal.byTestId("tester-application-card")).hasCount(0);
    signOut(portal);

    // The declined member reads the reason and may apply again.
    portal.signIn(declined.email());
    portal.open("/builds?device=" + device);
    assertThat(portal.byTestId("tester-application")).hasAttribute("data-outcome", "declined");
    assertThat(portal.byTestId("tester-application-reason")).hasText(REASON);
    assertThat(portal.byTestId("tester-panel")).hasCount(0);
    assertThat(portal.byTestId("tester-apply")).isVisible();
    assertEquals(
        "declined",
        declined.client().get("/api/v1/testers/applications/mine").object().getString("outcome"));
  }

  @Test
  void aManagerInvitesAMemberFoundByName() {
    ReleaseFixtures f = new ReleaseFixtures(members());
    long device = f.device();
    String word = Portal.uniqueWord();
    SignedIn member = members().signUp(word);
    Portal portal = new Portal(page);
    portal.signIn(f.manager().email());
    portal.open("/builds/testers");
    portal.byTestId("invite-member-search").fill(word);
    portal.byTestId("invite-member-option").click();
    assertThat(portal.byTestId("invite-member-chip"))
        .hasAttribute("data-member-id", String.valueOf(member.id()));
    portal.byTestId("invite-device").selectOption(String.valueOf(device));
    portal.byTestId("invite-submit").click();
    Locator row =
        page.locator(
            "[data-testid=tester-device][data-device-id=\""
                + device
                + "\"] [data-testid=tester-row][data-member-id=\""
                + member.id()
                + "\"]");
    assertThat(row).hasAttribute("data-status", "active");
    assertEquals("active", member.client().get("/api/v1/testers/me").object().getString("status"));
  }

  private static Locator application(Portal portal, SignedIn applicant) {
    return portal
        .byTestId("tester-applications")
        .locator("[data-testid=tester-application][data-member-id=\"" + applicant.id() + "\"]");
  }

  private static void signOut(Portal portal) {
    portal.byTestId("sign-out").click();
    assertThat(portal.byTestId("nav-signin")).isVisible();
  }
}
