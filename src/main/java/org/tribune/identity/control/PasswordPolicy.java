package org.tribune.identity.control;

import java.util.Optional;
import org.tribune.identity.entity.EmailAddress;
import org.tribune.platform.entity.DomainException;

/**
 * What a new password must be. Length is what matters (NIST SP 800-63B): at least 10 characters, no
 * composition rules. The upper bound keeps one sign-in from costing arbitrary hashing work. A
 * password equal to the account's email is the first thing anyone would try.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;

  private PasswordPolicy() {}

  /** Why the password is refused, or empty when it is acceptable. */
  public static Optional<String> reasonToRefuse(String password, EmailAddress email) {
    if (password == null) {
      return Optional.of("is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    if (password.isBlank()) {
      return Optional.of("must not be only spaces");
    }
    if (email != null && password.strip().equalsIgnoreCase(email.value())) {
      return Optional.of("must not be your email address");
    }
    return Optional.empty();
  }

  /** Throws a 400 naming the field {@code password} when the policy refuses it. */
  public static void check(String password, EmailAddress email) {
    reasonToRefuse(password, email)
        .ifPresent(
            reason -> {
              throw DomainException.invalid("password", reason);
            });
  }
}
