package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.ledger.LedgerEventsForTests;
import org.tribune.testsupport.ApiClient;
import org.tribune.testsupport.TribuneDeployment;

/**
 * The public ledger page in Chromium: the signed checkpoint, filters, and verification in the
 * browser with WebCrypto, including an entry altered in transit, which must fail. It deploys the
 * test-only append resource, so it has its own deployment and browser set-up rather than {@code
 * BrowserIT}'s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerPageIT {

  private static Playwright playwright;
  private static Browser browser;

  @ArquillianResource URL deploymentUrl;

  private BrowserContext context;
  private Page page;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TribuneDeployment.war().addClass(LedgerEventsForTests.class);
  }

  @BeforeAll
  static void launch() {
    PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    playwright = Playwright.create();
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(
                        Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void openPage() {
    context =
        browser.newContext(new Browser.NewContextOptions().setBaseURL(deploymentUrl.toString()));
    context.setDefaultTimeout(15_000);
    page = context.newPage();
  }

  @AfterEach
  void closePage() {
    if (context != null) {
      context.close();
    }
  }

  private long append(String type, Map<String, String> fields) throws Exception {
    var body = Json.createObjectBuilder().add("type", type);
    var f = Json.createObjectBuilder();
    fields.forEach(f::add);
    ApiClient.Response r =
        new ApiClient(deploymentUrl.toURI())
            .post("/api/v1/test/ledger-events", body.add("fields", f).build().toString());
    assertEquals(200, r.status(), r.toString());
    return r.object().getJsonArray("indices").getJsonNumber(0).longValue();
  }

  private Locator entry(long index) {
    return page.locator("[data-testid=ledger-entry][data-index='" + index + "']");
  }

  @Test
  void anyoneSeesTheSignedCheckpointFiltersEntriesAndVerifiesOneInTheBrowser() throws Exception {
    String department = "dept" + Portal.uniqueWord();
    append("inquiry.assigned", Map.of("department", department, "state", "assigned"));
    long answer =
        append(
            "answer.published",
            Map.of("department", department, "state", "published", "text", "Night mode 夜景"));

    Portal portal = new Portal(page);
    portal.open("/ledger");
    assertThat(portal.byTestId("nav-ledger")).isVisible();
    assertThat(portal.byTestId("ledger-origin")).hasText("tribune.example/ledger");
    long size = Long.parseLong(portal.byTestId("ledger-tree-size").getAttribute("data-size"));
    assertTrue(size > answer, "checkpoint size " + size + " must include " + answer);
    assertThat(portal.byTestId("ledger-root"))
        .hasText(java.util.regex.Pattern.compile("^[0-9a-f]{64}$"));
    // Debian's Chromium has Ed25519 in WebCrypto, so the signature is checked, not skipped.
    assertThat(portal.byTestId("ledger-signature")).hasAttribute("data-status", "valid");

    portal.byTestId("ledger-filter-department").selectOption(department);
    assertThat(portal.byTestId("ledger-entry")).hasCount(2);
    portal.byTestId("ledger-filter-state").selectOption("published");
    assertThat(portal.byTestId("ledger-entry")).hasCount(1);
    assertThat(entry(answer)).containsText("Night mode 夜景");

    entry(answer).getByTestId("ledger-verify").click();
    Locator result = entry(answer).getByTestId("ledger-verify-result");
    assertThat(result).hasAttribute("data-verified", "true");
    assertThat(result).containsText("Verified in ledger");
  }

  @Test
  void anEntryAlteredOnTheWayFailsVerification() throws Exception {
    String word = Portal.uniqueWord();
    long index = append("answer.published", Map.of("text", "Original " + word));
    page.route(
        "**/api/v1/ledger/entries?*",
        (Route route) -> {
          var fetched = route.fetch();
          JsonObject body =
              Json.createReader(new java.io.StringReader(fetched.text())).readObject();
          JsonObject served = body.getJsonArray("entries").getJsonObject(0);
          String leaf =
              new String(
                      Base64.getDecoder().decode(served.getString("leaf")), StandardCharsets.UTF_8)
                  .replace("Original", "Altered!");
          String altered =
              Json.createObjectBuilder()
                  .add(
                      "entries",
                      Json.createArrayBuilder()
                          .add(
                              Json.createObjectBuilder(served)
                                  .add(
                                      "leaf",
                                      Base64.getEncoder()
                                          .encodeToString(leaf.getBytes(StandardCharsets.UTF_8)))))
                  .build()
                  .toString();
          route.fulfill(
              new Route.FulfillOptions()
                  .setResponse(fetched)
                  .setBody(altered)
                  .setContentType("application/json"));
        });

    Portal portal = new Portal(page);
    portal.open("/ledger?q=" + word);
    assertThat(portal.byTestId("ledger-entry")).hasCount(1);
    entry(index).getByTestId("ledger-verify").click();
    Locator result = entry(index).getByTestId("ledger-verify-result");
    assertThat(result).hasAttribute("data-verified", "false");
    assertThat(result).hasAttribute("data-reason", "root-mismatch");
  }

  @Test
  void theVerifyModuleIsReusableByOtherPagesAndThePageSpeaksChinese() throws Exception {
    long index = append("plan.created", Map.of("title", "Better battery"));
    Portal portal = new Portal(page);
    portal.open("/ledger");
    @SuppressWarnings("unchecked")
    Map<String, Object> result =
        (Map<String, Object>)
            page.evaluate(
                "i => import('./js/ledger-verify.js').then(m => m.verifyEntry(i))",
                Math.toIntExact(index));
    assertEquals(Boolean.TRUE, result.get("verified"), result.toString());
    assertEquals("valid", result.get("signature"));
    assertTrue(((Number) result.get("treeSize")).longValue() > index);
    assertTrue(String.valueOf(result.get("rootHex")).matches("[0-9a-f]{64}"));

    @SuppressWarnings("unchecked")
    Map<String, Object> missing =
        (Map<String, Object>)
            page.evaluate("i => import('./js/ledger-verify.js').then(m => m.verifyEntry(i))", 1e12);
    assertEquals(Boolean.FALSE, missing.get("verified"));
    assertEquals("no-such-entry", missing.get("reason"));

    portal.byTestId("language-switcher").selectOption("zh-CN");
    assertThat(page.locator("main h1")).hasText("公开答复账本");
    assertThat(portal.byTestId("nav-ledger")).hasText("公开账本");
  }

  @Test
  void theCheckpointMustExtendTheOneThisBrowserSawBefore() throws Exception {
    append("plan.created", Map.of("title", "First seen"));
    Portal portal = new Portal(page);
    portal.open("/ledger");
    assertThat(portal.byTestId("ledger-consistency")).hasAttribute("data-status", "first");
    long seen = Long.parseLong(portal.byTestId("ledger-tree-size").getAttribute("data-size"));

    append("plan.milestone", Map.of("title", "Later"));
    page.reload();
    assertThat(portal.byTestId("ledger-consistency")).hasAttribute("data-status", "consistent");
    assertThat(portal.byTestId("ledger-consistency")).containsText(String.valueOf(seen));

    // A browser that remembers a different history at that size must be told it was rewritten.
    page.evaluate(
        "s => localStorage.setItem('tribune.ledger.seen', JSON.stringify({origin:"
            + " 'tribune.example/ledger', size: s, rootHex: '00'.repeat(32)}))",
        Math.toIntExact(seen));
    page.reload();
    assertThat(portal.byTestId("ledger-consistency")).hasAttribute("data-status", "inconsistent");
  }
}
