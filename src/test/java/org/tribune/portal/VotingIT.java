package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members.SignedIn;

class VotingIT extends BrowserIT {

  @Test
  void votingUntilTheWeeklyBudgetIsSpentDisablesTheVoteButton() {
    String word = Portal.uniqueWord();
    SignedIn author = members().signUp("author");
    SignedIn voter = members().signUp("voter");
    int limit = Portal.weeklyLimit(voter.client());
    long[] ideas = new long[limit + 1];
    for (int i = 0; i < ideas.length; i++) {
      ideas[i] = Portal.idea(author.client(), "Budget idea " + word + " number " + i);
    }
    // All but the last two votes go in through the API; the portal casts the last two.
    for (int i = 0; i < limit - 2; i++) {
      Portal.vote(voter.client(), ideas[i]);
    }

    Portal portal = new Portal(page);
    portal.signIn(voter.email());
    assertThat(portal.byTestId("budget-remaining")).hasText("2");
    for (int i = limit - 2; i < limit; i++) {
      portal.openIdea(ideas[i]);
      assertThat(portal.byTestId("vote-button")).hasAttribute("aria-pressed", "false");
      portal.byTestId("vote-button").click();
      assertThat(portal.byTestId("vote-button")).hasAttribute("aria-pressed", "true");
      assertThat(portal.byTestId("idea-votes")).hasText("1");
      assertThat(portal.byTestId("budget-remaining")).hasText(String.valueOf(limit - i - 1));
    }

    portal.openIdea(ideas[limit]);
    assertThat(portal.byTestId("budget-remaining")).hasText("0");
    assertThat(portal.byTestId("vote-button")).isDisabled();
    assertThat(portal.byTestId("vote-hint")).hasText("You have used all your votes this week.");
    assertThat(portal.byTestId("idea-votes")).hasText("0");
  }

  @Test
  void withdrawingAVoteGivesItBackToTheWeeklyBudget() {
    String word = Portal.uniqueWord();
    SignedIn author = members().signUp("author");
    SignedIn voter = members().signUp("voter");
    int limit = Portal.weeklyLimit(voter.client());
    long idea = Portal.idea(author.client(), "Withdrawable idea " + word);

    Portal portal = new Portal(page);
    portal.signIn(voter.email());
    portal.openIdea(idea);
    assertThat(portal.byTestId("budget-remaining")).hasText(String.valueOf(limit));

    portal.byTestId("vote-button").click();
    assertThat(portal.byTestId("idea-votes")).hasText("1");
    assertThat(portal.byTestId("budget-remaining")).hasText(String.valueOf(limit - 1));
    assertThat(portal.byTestId("vote-hint")).containsText("Press again to withdraw");

    portal.byTestId("vote-button").click();
    assertThat(portal.byTestId("vote-button")).hasAttribute("aria-pressed", "false");
    assertThat(portal.byTestId("idea-votes")).hasText("0");
    assertThat(portal.byTestId("budget-remaining")).hasText(String.valueOf(limit));
    assertThat(portal.byTestId("status-message")).containsText("withdrawn");

    portal.byTestId("nav-my-votes").click();
    assertThat(portal.byTestId("budget-summary"))
        .containsText("You have " + limit + " of " + limit + " votes left this week.");
  }
}
