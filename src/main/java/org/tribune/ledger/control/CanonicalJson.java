package org.tribune.ledger.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JCS) canonical JSON: the exact bytes of a ledger leaf. Anyone holding an entry can
 * rebuild its leaf and check its hash, so the same entry must always give the same bytes: object
 * members sorted by their names' UTF-16 code units, no whitespace, the RFC's minimal string
 * escaping, UTF-8.
 *
 * <p>Numbers are restricted to integers a JavaScript double holds exactly (|n| &lt;
 * 2<sup>53</sup>), whose ECMAScript form is plain decimal digits. Fractions are refused rather than
 * formatted: the ECMAScript shortest-round-trip algorithm is easy to get subtly wrong, and a ledger
 * entry has no need for them (amounts go in minor units, times as RFC 3339 strings).
 *
 * <p>Accepts {@code null}, {@link String}, {@link Boolean}, {@link Integer}, {@link Long}, {@link
 * Short}, {@link Byte}, {@link BigInteger}, {@link Map} with string keys, {@link Collection} (in
 * its iteration order) and JSON-P {@link JsonValue}s.
 */
public final class CanonicalJson {

  /** 2^53 - 1, the largest integer every JSON reader that uses doubles keeps exactly. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private static final int MAX_DEPTH = 64;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /** The canonical UTF-8 bytes of {@code value}. */
  public static byte[] bytes(Object value) {
    return text(value).getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical text of {@code value}. */
  public static String text(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("canonical JSON nests at most " + MAX_DEPTH + " levels");
    }
    if (value == null || value == JsonValue.NULL) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      out.append(value == JsonValue.TRUE);
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof JsonString s) {
      string(s.getString(), out);
    } else if (value instanceof Integer || value instanceof Long) {
      integer(BigInteger.valueOf(((Number) value).longValue()), out);
    } else if (value instanceof Short || value instanceof Byte) {
      integer(BigInteger.valueOf(((Number) value).longValue()), out);
    } else if (value instanceof BigInteger i) {
      integer(i, out);
    } else if (value instanceof JsonNumber n) {
      integer(integral(n.bigDecimalValue()), out);
    } else if (value instanceof JsonObject o) {
      object(o, out, depth);
    } else if (value instanceof Map<?, ?> m) {
      object(m, out, depth);
    } else if (value instanceof JsonArray a) {
      array(a, out, depth);
    } else if (value instanceof Collection<?> c) {
      array(c, out, depth);
    } else if (value instanceof Number) {
      throw new IllegalArgumentException(
          "canonical JSON here takes integers only, not "
              + value.getClass().getSimpleName()
              + " "
              + value
              + "; put fractions in minor units or in a string");
    } else {
      throw new IllegalArgumentException(
          "no canonical JSON for a " + value.getClass().getName() + "; convert it first");
    }
  }

  private static void object(Map<?, ?> members, StringBuilder out, int depth) {
    List<String> names = new ArrayList<>(members.size());
    for (Object name : members.keySet()) {
      if (!(name instanceof String s)) {
        throw new IllegalArgumentException("a JSON member name must be a string, not " + name);
      }
      names.add(s);
    }
    // String.compareTo compares UTF-16 code units, which is exactly the order RFC 8785 asks for
    // (and differs from code point order for characters beyond the BMP).
    names.sort(String::compareTo);
    out.append('{');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      string(names.get(i), out);
      out.append(':');
      write(members.get(names.get(i)), out, depth + 1);
    }
    out.append('}');
  }

  private static void array(Collection<?> elements, StringBuilder out, int depth) {
    out.append('[');
    boolean first = true;
    for (Object element : elements) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write(element, out, depth + 1);
    }
    out.append(']');
  }

  private static BigInteger integral(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() > 0) {
      throw new IllegalArgumentException(
          "canonical JSON here takes integers only, not "
              + number
              + "; use minor units or a string");
    }
    return stripped.toBigIntegerExact();
  }

  private static void integer(BigInteger value, StringBuilder out) {
    if (value.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
      throw new IllegalArgumentException(
          value
              + " is beyond 2^53 - 1, where JSON readers using doubles lose digits; use a string");
    }
    out.append(value);
  }

  /** RFC 8785 §3.2.2.2: escape only what JSON requires, with the short forms where they exist. */
  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            // A lone surrogate has no UTF-8 form, so no two parties would agree on its bytes.
            throw new IllegalArgumentException(
                "a lone surrogate U+%04X at %d cannot be canonical JSON".formatted((int) c, i));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
