package org.tribune.identity.control;

import java.util.Set;

/**
 * When a request must prove it came from our own pages. A browser attaches the session cookie to
 * any request, including one a hostile site makes it send; only our pages can read the CSRF token
 * and put it in a header. So every state-changing request authenticated by the cookie needs the
 * token. Bearer requests do not: a browser never adds an Authorization header on its own.
 *
 * <p>Sign-up and sign-in are exempt because there is no token yet (a browser may also carry a stale
 * cookie to them). They are protected from login CSRF differently: they accept only {@code
 * application/json}, which a cross-site page cannot send without a CORS preflight we never allow.
 */
public final class CsrfRule {

  public static final String HEADER = "X-CSRF-Token";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> EXEMPT = Set.of("POST session", "POST members");

  private CsrfRule() {}

  /**
   * @param method the HTTP method
   * @param path the path below {@code /api/v1}, with or without slashes around it
   * @param byCookie whether the caller was authenticated by the session cookie
   */
  public static boolean requiresToken(String method, String path, boolean byCookie) {
    if (!byCookie || SAFE_METHODS.contains(method)) {
      return false;
    }
    return !EXEMPT.contains(method + " " + trim(path));
  }

  public static boolean accepts(String sessionToken, String presented) {
    return Secrets.same(sessionToken, presented);
  }

  private static String trim(String path) {
    String p = path == null ? "" : path;
    int start = 0;
    int end = p.length();
    while (start < end && p.charAt(start) == '/') {
      start++;
    }
    while (end > start && p.charAt(end - 1) == '/') {
      end--;
    }
    return p.substring(start, end);
  }
}
