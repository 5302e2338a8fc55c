package org.tribune.testsupport;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What a browser page did, for the failure message of a browser test that waited in vain: its
 * console errors, uncaught exceptions, failed requests, and the requests still without a response
 * (with how long they have waited). A timeout then says what the portal was waiting for.
 */
public final class PageLog {

  private static final Map<Page, PageLog> LOGS = Collections.synchronizedMap(new WeakHashMap<>());
  private static final int KEEP = 40;

  private final List<String> events = new ArrayList<>();
  private final Map<Request, Instant> pending = new LinkedHashMap<>();

  private PageLog() {}

  /** Starts recording what the page does. */
  public static void attach(Page page) {
    PageLog log = new PageLog();
    page.onConsoleMessage(
        m -> {
          if ("error".equals(m.type()) || "warning".equals(m.type())) {
            log.event("console " + m.type() + ": " + m.text());
          }
        });
    page.onPageError(error -> log.event("uncaught: " + error));
    page.onCrash(p -> log.event("the page crashed"));
    page.onRequest(r -> log.started(r));
    page.onRequestFinished(r -> log.ended(r, null));
    page.onRequestFailed(r -> log.ended(r, r.failure()));
    page.onResponse(
        r -> {
          if (r.status() >= 400) {
            log.event(r.status() + " " + r.request().method() + " " + r.url());
          }
        });
    LOGS.put(page, log);
  }

  /** The recorded events and pending requests of this page, or a note that nothing was recorded. */
  public static String describe(Page page) {
    PageLog log = LOGS.get(page);
    String state;
    try {
      state =
          String.valueOf(
              page.evaluate(
                  "() => document.readyState + ' ' + location.href + ' main: '"
                      + " + (document.getElementById('main') || document.body).innerText.slice(0, 300)"));
    } catch (RuntimeException e) {
      state = "(page state unreadable: " + e.getMessage() + ")";
    }
    return "Page state: "
        + state
        + "\n"
        + (log == null ? "(no page log attached)" : log.describe());
  }

  private synchronized void event(String text) {
    events.add(Instant.now() + " " + text);
    if (events.size() > KEEP) {
      events.remove(0);
    }
  }

  private synchronized void started(Request request) {
    pending.put(request, Instant.now());
  }

  private synchronized void ended(Request request, String failure) {
    Instant start = pending.remove(request);
    if (failure != null) {
      event("failed " + request.method() + " " + request.url() + ": " + failure);
    } else if (start != null) {
      long ms = Duration.between(start, Instant.now()).toMillis();
      if (ms > 2_000) {
        event("slow " + ms + " ms " + request.method() + " " + request.url());
      }
    }
  }

  private synchronized String describe() {
    StringBuilder out = new StringBuilder("Page log:");
    events.forEach(e -> out.append("\n  ").append(e));
    Instant now = Instant.now();
    pending.forEach(
        (r, start) ->
            out.append("\n  pending ")
                .append(Duration.between(start, now).toMillis())
                .append(" ms ")
                .append(r.method())
                .append(' ')
                .append(r.url()));
    return out.toString();
  }
}
