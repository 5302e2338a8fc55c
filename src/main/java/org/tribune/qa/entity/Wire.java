package org.tribune.qa.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tribune.platform.entity.DomainException;

/** The wire spelling of the Q&amp;A enums: the lower-case name ({@code not_our_remit}). */
public final class Wire {

  private Wire() {}

  public static String of(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, or throws {@code invalid-input} naming the field and the choices. */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
    if (text == null) {
      throw DomainException.invalid(field, "is required");
    }
    for (E value : type.getEnumConstants()) {
      if (of(value).equals(text)) {
        return value;
      }
    }
    throw DomainException.invalid(
        field,
        "must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Wire::of)
                .collect(Collectors.joining(", ")));
  }
}
