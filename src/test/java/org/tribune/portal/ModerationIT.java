package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members.SignedIn;

class ModerationIT extends BrowserIT {

  @Test
  void managerMergesAnIdeaAndAMemberWhoVotedForBothCountsOnce() {
    String word = Portal.uniqueWord();
    SignedIn author = members().signUp("author");
    long target = Portal.idea(author.client(), "Merge target " + word);
    long source = Portal.idea(author.client(), "Merge source " + word);
    SignedIn both = members().signUp("both");
    for (SignedIn voter : new SignedIn[] {members().signUp("a1"), members().signUp("a2"), both}) {
      Portal.vote(voter.client(), target);
    }
    for (SignedIn voter : new SignedIn[] {members().signUp("b1"), both}) {
      Portal.vote(voter.client(), source);
    }
    SignedIn manager = members().withRoles("manager", "community_manager");

    Portal portal = new Portal(page);
    portal.signIn(manager.email());
    portal.openIdea(target);
    assertThat(portal.byTestId("idea-votes")).hasText("3");
    portal.openIdea(source);
    assertThat(portal.byTestId("idea-votes")).hasText("2");

    portal.byTestId("merge-into").fill(String.valueOf(target));
    portal.byTestId("merge-reason").fill("Same request as idea " + target);
    portal.byTestId("merge-submit").click();

    assertThat(portal.byTestId("idea-detail")).hasAttribute("data-idea-id", String.valueOf(target));
    assertThat(portal.byTestId("idea-votes")).hasText("4");
    assertThat(portal.byTestId("status-message"))
        .hasText(
            "Merged into idea #"
                + target
                + ". Votes moved: 1; members who voted for both counted once: 1.");

    portal.openIdea(source);
    assertThat(portal.byTestId("idea-status")).hasAttribute("data-status", "duplicate");
    assertThat(portal.byTestId("merged-into").getByRole(AriaRole.LINK))
        .hasAttribute("href", "#/ideas/" + target);
    assertThat(portal.byTestId("vote-button")).isDisabled();
  }

  @Test
  void managerRestoresAnIdeaThatFlagsHid() {
    SignedIn author = members().signUp("author");
    String title = "Flagged idea " + Portal.uniqueWord();
    long idea = Portal.idea(author.client(), title);
    // Three members flag it: the default number that hides an idea (TRIBUNE_VOTING_FLAGS_TO_HIDE).
    for (int i = 0; i < 3; i++) {
      ApiFlag.flag(members().signUp("flagger"), idea);
    }
    SignedIn manager = members().withRoles("moderator", "community_manager");

    Portal portal = new Portal(page);
    portal.signIn(manager.email());
    portal.byTestId("nav-moderation").click();
    Locator item = page.locator("[data-testid=moderation-item][data-idea-id='" + idea + "']");
    assertThat(item).containsText(title);
    item.getByTestId("moderation-reason").fill("Flags were a misunderstanding");
    item.getByTestId("moderation-restore").click();
    assertThat(portal.byTestId("status-message")).containsText("is visible again");

    assertEquals(200, author.client().get("/api/v1/ideas/" + idea).status());
  }

  private static final class ApiFlag {
    static void flag(SignedIn member, long idea) {
      var response =
          member
              .client()
              .post(
                  "/api/v1/ideas/" + idea + "/flags",
                  Json.createObjectBuilder().add("reason", "Looks like spam").build().toString());
      if (response.status() / 100 != 2) {
        throw new AssertionError("Flag not accepted: " + response);
      }
    }
  }
}
