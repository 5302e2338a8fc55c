package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members;

class SubmitIdeaIT extends BrowserIT {

  @Test
  void newMemberSignsUpAndIsShownASimilarIdeaBeforeSubmitting() {
    String word = Portal.uniqueWord();
    String existingTitle = "Lock screen clock widget " + word;
    long existing = Portal.idea(members().signUp("author").client(), existingTitle);

    Portal portal = new Portal(page);
    portal.open("/signup");
    portal.byTestId("signup-email").fill(Members.uniqueEmail("newcomer"));
    portal.byTestId("signup-password").fill(Members.PASSWORD);
    portal.byTestId("signup-display-name").fill("Newcomer " + word);
    portal.byTestId("signup-member-type").selectOption("power_user");
    portal.byTestId("signup-device-line").fill("Redmi Note");
    portal.byTestId("signup-submit").click();
    assertThat(portal.byTestId("signed-in-as")).hasText("Newcomer " + word);
    assertThat(portal.byTestId("budget-remaining")).isVisible();

    portal.byTestId("nav-submit").click();
    String title = "Clock widget " + word + " on the lock screen";
    portal.byTestId("idea-title-input").pressSequentially(title);
    Locator similar = portal.byTestId("similar-ideas");
    assertThat(similar.getByRole(AriaRole.HEADING)).hasText("Similar ideas already here");
    assertThat(
            similar.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(existingTitle)))
        .hasAttribute("href", "#/ideas/" + existing);

    portal.byTestId("idea-body-input").fill("Show a big clock widget on the lock screen.");
    portal.byTestId("idea-submit").click();
    assertThat(portal.byTestId("idea-title")).hasText(title);
    assertThat(portal.byTestId("idea-status")).hasText("Open");
    assertThat(portal.byTestId("status-message")).hasText("Your idea is submitted.");
  }

  @Test
  void signUpWithAShortPasswordShowsTheProblemNextToThePasswordField() {
    Portal portal = new Portal(page);
    portal.open("/signup");
    portal.byTestId("signup-email").fill(Members.uniqueEmail("hasty"));
    portal.byTestId("signup-password").fill("short");
    portal.byTestId("signup-display-name").fill("Hasty");
    portal.byTestId("signup-submit").click();

    assertThat(portal.byTestId("field-error-password")).isVisible();
    assertThat(portal.byTestId("signup-password")).hasAttribute("aria-invalid", "true");
    assertThat(portal.byTestId("signup-password")).isFocused();
    assertThat(portal.byTestId("error-message")).containsText("Please correct the marked fields.");
    assertThat(portal.byTestId("signed-in-as")).hasCount(0);
  }
}
