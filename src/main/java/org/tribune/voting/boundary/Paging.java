package org.tribune.voting.boundary;

import org.tribune.platform.entity.DomainException;

/**
 * limit and offset as query parameters arrive: text. Parsed here rather than by JAX-RS, which would
 * answer a non-number with 404; a bad value is a 400 naming the parameter.
 */
record Paging(int limit, int offset) {

  static final int MAX_LIMIT = 100;

  static Paging of(String limit, String offset, int defaultLimit) {
    int l = parse("limit", limit, defaultLimit);
    int o = parse("offset", offset, 0);
    if (l < 1 || l > MAX_LIMIT) {
      throw DomainException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    if (o < 0) {
      throw DomainException.invalid("offset", "must be 0 or more");
    }
    return new Paging(l, o);
  }

  private static int parse(String name, String value, int otherwise) {
    if (value == null || value.isEmpty()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name, "must be a whole number");
    }
  }
}
