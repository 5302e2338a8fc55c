package org.tribune.identity.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsrfRuleTest {

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
  void cookieAuthenticatedChangesNeedTheToken(String method) {
    assertTrue(CsrfRule.requiresToken(method, "ideas/7/votes", true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "OPTIONS"})
  void readsNeedNoToken(String method) {
    assertFalse(CsrfRule.requiresToken(method, "me", true));
  }

  @Test
  void bearerAndAnonymousRequestsNeedNoToken() {
    assertFalse(CsrfRule.requiresToken("POST", "ideas/7/votes", false));
  }

  @Test
  void signInAndSignUpAreExemptEvenWithAStaleCookie() {
    assertFalse(CsrfRule.requiresToken("POST", "/session", true));
    assertFalse(CsrfRule.requiresToken("POST", "members/", true));
  }

  @Test
  void signOutIsNotExempt() {
    assertTrue(CsrfRule.requiresToken("DELETE", "session", true));
  }

  @Test
  void otherMemberPathsAreNotExempt() {
    assertTrue(CsrfRule.requiresToken("PUT", "members/3/roles", true));
    assertTrue(CsrfRule.requiresToken("POST", "members/3", true));
  }

  @Test
  void onlyTheSessionsOwnTokenIsAccepted() {
    assertTrue(CsrfRule.accepts("abc", "abc"));
    assertFalse(CsrfRule.accepts("abc", "abd"));
    assertFalse(CsrfRule.accepts("abc", null));
    assertFalse(CsrfRule.accepts("abc", ""));
  }
}
