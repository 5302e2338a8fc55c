package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.FilePayload;
import jakarta.json.JsonObject;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tribune.qa.QaWorld;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members.SignedIn;

/**
 * Department work in the portal: a transfer (the first department asks, gives a holding answer
 * meanwhile, the second accepts), an improvement plan with a milestone, a department set up by a
 * manager who picks its people by name, and a file attached to a draft.
 */
class QaDepartmentWorkIT extends BrowserIT {

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
  void aTransferWithAHoldingAnswerMeanwhileAndAPlanWithAMilestone() {
    QaWorld world = new QaWorld(members(), "held");
    String heading = "Gallery sync " + world.tag;
    long id = world.assigned(heading, world.system);

    Portal system = new Portal(page);
    system.signIn(world.systemResponder.email());
    system.open("/qa/inquiries/" + id);
    system.byTestId("transfer-department").selectOption(String.valueOf(world.camera));
    system.byTestId("transfer-request").click();
    assertThat(system.byTestId("inquiry-history").locator("[data-type=transfer_requested]"))
        .hasCount(1);
    assertThat(system.byTestId("inquiry-department")).hasText("System " + world.tag);
    system.byTestId("holding-text").fill("We are measuring the sync failures.");
    system.byTestId("holding-submit").click();
    assertThat(system.byTestId("answers")).containsText("We are measuring the sync failures.");

    Portal camera = as(world.cameraResponder);
    camera.open("/qa/inquiries/" + id);
    camera.byTestId("transfer-accept").click();
    assertThat(camera.byTestId("inquiry-department")).hasText("Camera " + world.tag);
    assertThat(camera.byTestId("inquiry-history").locator("[data-type=transferred]")).hasCount(1);
    assertThat(camera.byTestId("inquiry-state")).hasAttribute("data-state", "assigned");

    Portal lead = as(world.cameraLead);
    lead.byTestId("nav-qa-inbox").click();
    assertThat(lead.byTestId("inbox").getByText(heading)).isVisible();
    lead.byTestId("plan-new").click();
    lead.byTestId("plan-department").selectOption(String.valueOf(world.camera));
    lead.byTestId("plan-title").fill("Reliable sync " + world.tag);
    lead.byTestId("plan-description").fill("Retry uploads on flaky networks.");
    lead.byTestId("plan-start").fill(LocalDate.now().toString());
    lead.byTestId("plan-due").fill(LocalDate.now().plusDays(30).toString());
    lead.byTestId("plan-inquiries").fill(String.valueOf(id));
    lead.byTestId("plan-create").click();
    var plan =
        lead.byTestId("plan")
            .filter(
                new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Reliable sync " + world.tag));
    assertThat(plan).hasCount(1);
    plan.getByTestId("milestone-date").fill(LocalDate.now().toString());
    plan.getByTestId("milestone-note").fill("Retry shipped to beta.");
    plan.getByTestId("milestone-add").click();
    assertThat(
            lead.byTestId("plan")
                .filter(
                    new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("Retry shipped to beta.")))
        .hasCount(1);
  }

  @Test
  void aManagerSetsUpADepartmentPickingItsPeopleByName() {
    QaWorld world = new QaWorld(members(), "held");
    String tag = world.tag.replaceAll("[^a-z0-9]", "");
    members().withRoles("ld" + tag, "responder");
    members().withRoles("rs" + tag, "responder");

    Portal manager = new Portal(page);
    manager.signIn(world.manager.email());
    manager.open("/qa/triage");
    manager.byTestId("department-new").click();
    manager.byTestId("department-name").fill("Audio " + world.tag);
    manager.byTestId("department-lead-search").fill("ld" + tag);
    manager.byTestId("department-lead-option").first().click();
    assertThat(manager.byTestId("department-lead-chip")).hasCount(1);
    manager.byTestId("department-responders-search").fill("rs" + tag);
    manager.byTestId("department-responders-option").first().click();
    assertThat(manager.byTestId("department-responders-chip")).containsText("rs" + tag);
    manager.byTestId("department-create").click();
    assertThat(
            manager
                .byTestId("department-item")
                .filter(
                    new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("Audio " + world.tag)))
        .containsText("ld" + tag);

    JsonObject audio =
        anonymous().get("/api/v1/qa/departments").json().asJsonArray().stream()
            .map(v -> v.asJsonObject())
            .filter(d -> d.getString("name").equals("Audio " + world.tag))
            .findFirst()
            .orElseThrow();
    assertEquals(1, audio.getJsonArray("responders").size());
    assertEquals(true, audio.getJsonObject("lead").getString("name").startsWith("ld" + tag));
  }

  @Test
  void aDelegateAttachesAScreenshotToADraftAndSeesItsDigest() throws Exception {
    QaWorld world = new QaWorld(members(), "held");
    long id =
        QaWorld.ok(
                world
                    .delegate
                    .client()
                    .post("/api/v1/qa/inquiries", world.inquiry("Screenshot " + world.tag, false)),
                201)
            .getJsonNumber("id")
            .longValue();
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    Portal delegate = new Portal(page);
    delegate.signIn(world.delegate.email());
    delegate.open("/qa/inquiries/" + id);
    delegate
        .byTestId("attachment-file")
        .setInputFiles(new FilePayload("shot.png", "image/png", png));
    delegate.byTestId("attachment-upload").click();
    assertThat(delegate.byTestId("attachment-sha256"))
        .hasText(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
    assertThat(delegate.byTestId("attachment")).containsText("shot.png");
  }
}
