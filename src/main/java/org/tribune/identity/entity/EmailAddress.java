package org.tribune.identity.entity;

import java.util.Locale;
import org.tribune.platform.entity.DomainException;

/**
 * An email address in its one stored form: trimmed and lower-cased, so that {@code Ana@Example.org}
 * and {@code ana@example.org } are the same account. Lower-casing the local part is stricter than
 * RFC 5321 allows, but no mail provider members use distinguishes case there, and two accounts that
 * differ only by case would be a support problem and a phishing aid.
 */
public record EmailAddress(String value) {

  public static final int MAX_LENGTH = 254;

  public EmailAddress {
    value = normalize(value);
  }

  /** Reads what a client sent; a 400 naming the field {@code email} if it is not an address. */
  public static EmailAddress parse(String text) {
    try {
      return new EmailAddress(text);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("email", e.getMessage());
    }
  }

  static String normalize(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is required");
    }
    String email = text.strip().toLowerCase(Locale.ROOT);
    if (email.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
    }
    int at = email.indexOf('@');
    boolean shaped =
        at > 0
            && at == email.lastIndexOf('@')
            && at < email.length() - 1
            && email.indexOf('.', at) > at + 1
            && !email.endsWith(".")
            && email.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    if (!shaped) {
      throw new IllegalArgumentException("is not an email address");
    }
    return email;
  }

  @Override
  public String toString() {
    return value;
  }
}
