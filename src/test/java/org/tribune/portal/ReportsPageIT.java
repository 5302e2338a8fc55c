package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members.SignedIn;

class ReportsPageIT extends BrowserIT {

  @Test
  void aManagerPublishesTheWeeklyReportAndAVisitorSeesItsChart() {
    String word = Portal.uniqueWord();
    SignedIn author = members().signUp("author");
    long idea = Portal.idea(author.client(), "Charted idea " + word);
    Portal.vote(members().signUp("voter").client(), idea);
    SignedIn manager = members().withRoles("reporter", "community_manager");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String week =
        String.format(
            "%04d-W%02d",
            today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));

    Portal portal = new Portal(page);
    portal.signIn(manager.email());
    portal.byTestId("nav-reports").click();
    portal.byTestId("reports-manage").click();
    portal.byTestId("draft-kind").selectOption("weekly");
    portal.byTestId("draft-subject").fill(week);
    portal.byTestId("draft-create").click();
    assertThat(portal.byTestId("draft-page")).isVisible();
    // a draft left by another test is regenerated, so it counts this test's vote
    portal.byTestId("draft-regenerate").click();
    assertThat(portal.byTestId("status-message")).containsText("Figures regenerated");
    // other tests' ideas may outrank this one in a full run: the table is checked for rows, and
    // below the chart is checked against the table
    assertThat(page.locator("[data-table=top_ideas] tbody tr").first()).isVisible();
    String title = "Week in review " + word;
    portal.byTestId("draft-title").fill(title);
    portal.byTestId("draft-summary").fill("Members asked for charts, and got them.");
    portal.byTestId("draft-change-note").fill("Figures of " + word);
    portal.byTestId("draft-publish").click();
    assertThat(portal.byTestId("report-title")).hasText(title);
    assertThat(page).hasURL(Pattern.compile("#/reports/weekly/" + week + "/\\d+$"));
    String url = page.url();
    String route = url.substring(url.indexOf('#') + 1);

    context.clearCookies();
    Portal visitor = new Portal(page);
    visitor.open("/reports");
    page.getByTestId("report-link")
        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(title))
        .click();
    // Playwright hands the pattern to JavaScript, which knows no \\Q…\\E quoting
    assertThat(page).hasURL(Pattern.compile(route.replace(".", "\\.") + "$"));
    assertThat(visitor.byTestId("report-title")).hasText(title);
    assertThat(visitor.byTestId("report-summary"))
        .containsText("Members asked for charts, and got them.");
    assertThat(page.locator("[data-figure=votes_cast]")).isVisible();
    // the server-rendered chart of this week's top ideas, drawn as SVG bars
    var chart = page.locator("[data-chart=top_ideas_votes] svg");
    assertThat(chart).isVisible();
    assertThat(chart.locator("rect.bar").first()).isVisible();
    String topTitle =
        page.locator("[data-table=top_ideas] tbody tr").first().locator("td").first().innerText();
    assertThat(chart).containsText(topTitle.strip());
    assertTrue(chart.locator("rect.bar").count() > 0, "the chart draws bars");
  }
}
