package org.tribune.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.tribune.testsupport.BrowserIT;
import org.tribune.testsupport.Members.SignedIn;

class LanguageIT extends BrowserIT {

  @Test
  void switchingToChineseTranslatesThePortalAndIsRememberedOnReload() {
    Portal portal = new Portal(page);
    portal.open("/");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(portal.byTestId("nav-ideas")).hasText("Ideas");

    portal.byTestId("language-switcher").selectOption("zh-CN");
    assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
    assertThat(portal.byTestId("nav-ideas")).hasText("功能建议");
    assertThat(portal.byTestId("nav-signin")).hasText("登录");
    assertThat(page.locator("main h1")).hasText("功能建议");
    assertThat(portal.byTestId("sort-select").locator("option[value=trending]")).hasText("热门");

    page.reload();
    assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
    assertThat(portal.byTestId("nav-signup")).hasText("注册");
  }

  @Test
  void aSignedInMembersLanguageIsSavedToTheirAccountAndStatusesAreTranslated() {
    SignedIn member = members().signUp("polyglot");
    long idea = Portal.idea(member.client(), "Translated idea " + Portal.uniqueWord());

    Portal portal = new Portal(page);
    portal.signIn(member.email());
    portal.openIdea(idea);
    assertThat(portal.byTestId("idea-status")).hasText("Open");

    Response saved =
        page.waitForResponse(
            r -> r.url().endsWith("/api/v1/me") && r.request().method().equals("PATCH"),
            () -> portal.byTestId("language-switcher").selectOption("zh-CN"));
    assertEquals(200, saved.status());
    assertThat(portal.byTestId("idea-status")).hasText("开放中");
    assertThat(portal.byTestId("vote-button")).containsText("投票");
    assertThat(portal.byTestId("nav-my-votes")).hasText("我的投票");
    assertEquals("zh-CN", member.client().get("/api/v1/me").object().getString("locale"));
  }
}
