package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tribune.qa.QaWorld;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members.SignedIn;

/**
 * The whole Q&amp;A path in the portal: a delegate files, the manager assigns, the department
 * drafts and its lead approves, the session shows and releases the answer live (a watcher's page
 * updates by itself), and the delegate sees the answer verified in the ledger and classifies it.
 */
class QaPathIT extends BrowserIT {

  private final List<BrowserContext> others = new ArrayList<>();

  @AfterEach
  void closeOthers() {
    others.forEach(BrowserContext::close);
  }

  private Portal as(SignedIn who) {
    Browser browser = page.context().browser();
    BrowserContext ctx =
        browser.newContext(new Browser.NewContextOptions().setBaseURL(base().toString()));
    ctx.setDefaultTimeout(15_000);
    others.add(ctx);
    Portal portal = new Portal(ctx.newPage());
    portal.signIn(who.email());
    return portal;
  }

  @Test
  void delegateFilesManagerAssignsDepartmentAnswersSessionPublishesDelegateClassifies() {
    QaWorld world = new QaWorld(members(), "held");
    String heading = "Standby drain " + world.tag;

    Portal delegate = new Portal(page);
    delegate.signIn(world.delegate.email());
    delegate.byTestId("nav-qa-mine").click();
    delegate.byTestId("file-heading").fill(heading);
    delegate.byTestId("file-text").fill("Why does the phone lose 10% overnight in standby?");
    delegate.byTestId("file-interest").fill("None.");
    delegate.byTestId("file-submit").click();
    assertThat(delegate.byTestId("inquiry-heading")).hasText(heading);
    assertThat(delegate.byTestId("inquiry-state")).hasAttribute("data-state", "submitted");
    String id = delegate.byTestId("inquiry-detail").getAttribute("data-inquiry-id");

    Portal manager = as(world.manager);
    manager.open("/qa/triage");
    assertThat(manager.byTestId("triage-queue").getByText(heading)).isVisible();
    manager.open("/qa/inquiries/" + id);
    manager.byTestId("assign-department").selectOption(String.valueOf(world.system));
    manager.byTestId("assign-days").fill("5");
    manager.byTestId("assign-submit").click();
    assertThat(manager.byTestId("inquiry-state")).hasAttribute("data-state", "assigned");

    Portal responder = as(world.systemResponder);
    responder.byTestId("nav-qa-inbox").click();
    responder.byTestId("inbox").getByText(heading).click();
    responder
        .byTestId("answer-draft-text")
        .fill("A sync service held wake-locks; fixed next build.");
    responder.byTestId("answer-draft-outcome").selectOption("accepted");
    responder.byTestId("answer-draft-save").click();
    assertThat(responder.byTestId("answer-draft")).containsText("wake-locks");
    assertThat(responder.byTestId("answer-approve")).hasCount(0);

    Portal lead = as(world.systemLead);
    lead.open("/qa/inquiries/" + id);
    lead.byTestId("answer-approve").click();
    assertThat(lead.byTestId("inquiry-state")).hasAttribute("data-state", "answered");

    Portal watcher = new Portal(newAnonymousPage());
    manager.open("/qa/sessions/" + world.session);
    manager.byTestId("agenda-input").fill(id);
    manager.byTestId("agenda-save").click();
    assertThat(manager.byTestId("agenda").getByText(heading)).isVisible();
    manager.byTestId("live-start").click();
    assertThat(manager.byTestId("live-state")).hasText("Live now");

    watcher.open("/qa/sessions/" + world.session);
    assertThat(watcher.byTestId("live-state")).hasText("Live now");
    manager.byTestId("live-show").click();
    assertThat(watcher.byTestId("live-current")).hasAttribute("data-inquiry-id", id);
    manager.byTestId("live-discussed").click();
    manager.byTestId("live-release").click();
    assertThat(watcher.byTestId("live-current").getByTestId("answer-text"))
        .hasText("A sync service held wake-locks; fixed next build.");
    assertThat(watcher.byTestId("live-panel")).hasAttribute("data-pushed", "true");

    delegate.open("/qa");
    delegate.open("/qa/inquiries/" + id);
    assertThat(delegate.byTestId("inquiry-state")).hasAttribute("data-state", "published");
    assertThat(delegate.byTestId("answers").getByTestId("ledger-status"))
        .hasAttribute("data-state", "verified");
    delegate.byTestId("classify-select").selectOption("satisfied");
    delegate.byTestId("classify-submit").click();
    assertThat(delegate.byTestId("inquiry-satisfaction")).hasText("Satisfied");
    assertThat(delegate.byTestId("status-message"))
        .hasText("Thank you, your classification is recorded.");
  }

  private Page newAnonymousPage() {
    BrowserContext ctx =
        page.context()
            .browser()
            .newContext(new Browser.NewContextOptions().setBaseURL(base().toString()));
    ctx.setDefaultTimeout(15_000);
    others.add(ctx);
    return ctx.newPage();
  }
}
