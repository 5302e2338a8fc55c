package org.tribune.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for browser tests: a person using the portal in headless Chromium (Debian's
 * /usr/bin/chromium, or CHROMIUM_PATH), one fresh browser context per test.
 */
public abstract class BrowserIT extends ApiIT {

  private static Playwright playwright;
  private static Browser browser;

  protected BrowserContext context;
  protected Page page;

  @BeforeAll
  static void launchBrowser() {
    String executable = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
    if (!Files.isExecutable(Path.of(executable))) {
      throw new IllegalStateException(
          executable + " is missing: install Debian's chromium (ci/install-browser.sh)");
    }
    // Each test class deploys the WAR afresh, so first requests are cold (JAX-RS, JPA and JIT
    // warm up); on a busy two-core machine that exceeds Playwright's 5 s default.
    PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    playwright = Playwright.create();
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(executable))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void openPage() {
    context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base().toString()));
    context.setDefaultTimeout(15_000);
    page = context.newPage();
    PageLog.attach(page);
  }

  @AfterEach
  void closePage() {
    if (context != null) {
      context.close();
    }
  }
}
