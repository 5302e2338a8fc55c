package org.tribune.reports.control;

/**
 * Escaping for the XHTML and SVG the report renderers write. Everything that came from a person
 * (titles, answers, names) passes through here, so the output stays well-formed XML whatever was
 * typed: markup characters are escaped and characters XML 1.0 forbids (control characters, lone
 * surrogates) are dropped.
 */
final class Markup {

  private Markup() {}

  /** Text content: {@code & < >} escaped, forbidden characters dropped. */
  static String text(String raw) {
    return escape(raw, false);
  }

  /** An attribute value in double quotes: also {@code " '} escaped, line breaks kept as such. */
  static String attribute(String raw) {
    return escape(raw, true);
  }

  /** An id or class fragment: letters, digits, {@code -} and {@code _} only. */
  static String token(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints()
        .forEach(
            c -> {
              boolean plain =
                  (c >= 'a' && c <= 'z')
                      || (c >= 'A' && c <= 'Z')
                      || (c >= '0' && c <= '9')
                      || c == '-'
                      || c == '_';
              out.append(plain ? (char) c : '-');
            });
    return out.toString();
  }

  private static String escape(String raw, boolean attribute) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
          out.append(c).append(raw.charAt(++i));
        }
        continue;
      }
      if (Character.isLowSurrogate(c)) {
        continue;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\'' -> out.append(attribute ? "&#39;" : "'");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append(attribute ? "&#13;" : "");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> {
          if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
