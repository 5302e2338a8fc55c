package org.tribune.voting.entity;

import java.text.Normalizer;
import java.util.Locale;
import org.tribune.platform.entity.DomainException;

/**
 * An idea's title and body, checked. The request records carry the same limits as Bean Validation
 * annotations; this is the rule itself, applied after trimming so that an idea cannot be padded
 * past its minimum with spaces.
 */
public record IdeaText(String title, String body) {

  public static final int MIN_TITLE = 5;
  public static final int MAX_TITLE = 140;
  public static final int MIN_BODY = 10;
  public static final int MAX_BODY = 8000;
  static final int MAX_SEARCH_TEXT = 8200;

  public IdeaText {
    title = checked("title", title, MIN_TITLE, MAX_TITLE);
    body = checked("body", body, MIN_BODY, MAX_BODY);
  }

  /** What {@code search_text} holds: the normalized title and body, for LIKE searches. */
  public String searchText() {
    String text = normalize(title + " " + body);
    return text.length() > MAX_SEARCH_TEXT ? text.substring(0, MAX_SEARCH_TEXT) : text;
  }

  /**
   * Compatibility-folded (NFKC, so full-width letters match their ASCII forms), lower-cased, with
   * every run of characters that is not a letter, digit or mark turned into one space. Queries are
   * normalized the same way, so a LIKE on a query token never meets a wildcard character.
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\p{M}]+", " ")
        .strip();
  }

  static String checked(String field, String value, int min, int max) {
    if (value == null) {
      throw DomainException.invalid(field, "is required");
    }
    String text = value.strip();
    if (text.length() < min || text.length() > max) {
      throw DomainException.invalid(
          field, "must be between " + min + " and " + max + " characters");
    }
    return text;
  }
}
