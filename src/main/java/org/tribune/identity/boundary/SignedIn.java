package org.tribune.identity.boundary;

/** The answer to sign-up, sign-in and {@code GET /session}: who, and the CSRF token to send. */
public record SignedIn(MemberView member, String csrfToken) {}
