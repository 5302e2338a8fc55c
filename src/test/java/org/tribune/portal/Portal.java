package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import jakarta.json.Json;
import java.util.UUID;
import java.util.regex.Pattern;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.Members;
import org.tribune.testsupport.PageLog;

/**
 * What a person does in the portal, step by step, for the browser tests; and the API calls that set
 * up what a test needs around that person (ideas by others, votes by others).
 */
final class Portal {

  private final Page page;

  Portal(Page page) {
    this.page = page;
  }

  Locator byTestId(String testId) {
    return page.getByTestId(testId);
  }

  /**
   * Opens a hash route, e.g. "/ideas/12", and waits until the portal has started. The first page
   * after a fresh deployment also initialises JAX-RS and JPA on the server, which can take several
   * seconds on a busy two-core machine, so this waits longer than Playwright's default.
   */
  void open(String route) {
    page.navigate("/#" + route);
    try {
      assertThat(page.locator("body[data-ready=true]"))
          .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
    } catch (AssertionError notReady) {
      throw new AssertionError(
          "The portal did not start on #" + route + "\n" + PageLog.describe(page), notReady);
    }
  }

  /**
   * Signs in through the sign-in form and waits until the portal has moved on to the idea list, so
   * that the test's next navigation is not overtaken by the sign-in's own.
   */
  void signIn(String email) {
    open("/signin");
    byTestId("signin-email").fill(email);
    byTestId("signin-password").fill(Members.PASSWORD);
    byTestId("signin-submit").click();
    assertThat(page).hasURL(Pattern.compile("#/$"));
    assertThat(byTestId("signed-in-as")).isVisible();
    assertThat(byTestId("budget-remaining")).isVisible();
  }

  void openIdea(long id) {
    open("/ideas/" + id);
    assertThat(byTestId("idea-detail")).hasAttribute("data-idea-id", String.valueOf(id));
  }

  /** A word no other test run uses, so searches and similar-idea lookups only meet this test. */
  static String uniqueWord() {
    String hex = UUID.randomUUID().toString().replace("-", "");
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + Character.digit(hex.charAt(i), 16) % 26));
    }
    return word.toString();
  }

  /** Submits an idea through the API as the given member and returns its id. */
  static long idea(ApiClient author, String title) {
    ApiClient.Response created =
        author.post(
            "/api/v1/ideas",
            Json.createObjectBuilder()
                .add("title", title)
                .add("body", "Details for " + title + ", long enough to pass.")
                .build()
                .toString());
    if (created.status() != 201) {
      throw new AssertionError("Idea not created: " + created);
    }
    return created.object().getJsonNumber("id").longValue();
  }

  /** Votes through the API as the given member. */
  static void vote(ApiClient voter, long ideaId) {
    ApiClient.Response voted = voter.post("/api/v1/ideas/" + ideaId + "/votes", null);
    if (voted.status() != 201) {
      throw new AssertionError("Vote not cast: " + voted);
    }
  }

  static int weeklyLimit(ApiClient member) {
    ApiClient.Response budget = member.get("/api/v1/me/budget");
    if (budget.status() != 200) {
      throw new AssertionError("No budget: " + budget);
    }
    return budget.object().getInt("limit");
  }
}
