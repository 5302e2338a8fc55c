package org.tribune.identity;

import jakarta.json.Json;
import org.tribune.testsupport.ApiClient;

/** Small request bodies the identity ITs share. */
final class SignInRequests {

  private SignInRequests() {}

  static String json(String email, String password) {
    return Json.createObjectBuilder()
        .add("email", email)
        .add("password", password)
        .build()
        .toString();
  }

  /** The status of a sign-in attempt, from a fresh anonymous client. */
  static int signInStatus(ApiClient anonymous, String email, String password) {
    return anonymous.post("/api/v1/session", json(email, password)).status();
  }
}
