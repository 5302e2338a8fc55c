package org.tribune.ledger.control;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a ledger entry looks like: the caller's fields plus {@code seq} (the leaf index), {@code
 * type} and {@code at} (the append time, ISO-8601 UTC with milliseconds), as RFC 8785 canonical
 * JSON. These rules are part of the public contract, so they live in one place.
 *
 * <p>Values are what {@link CanonicalJson} takes, plus a few conveniences turned into strings here
 * so that every caller writes them the same way: {@link Instant} (as {@code at} is written), {@link
 * LocalDate} ({@code 2027-01-15}), {@link UUID} and enums (their {@code name()}); JSON-P strings,
 * booleans and nulls become their Java values (JSON-P numbers, objects and arrays are taken as they
 * are).
 */
public final class LedgerEntryFormat {

  /**
   * The largest leaf, in bytes. Leaves are kept as base64 in a portable VARCHAR column (at most
   * 32,672 characters on Derby), and a public log entry has no need to be bigger: long texts can be
   * referenced by their SHA-256.
   */
  public static final int MAX_LEAF_BYTES = 24_000;

  /** The members the ledger writes itself; callers may not supply them. */
  public static final Set<String> RESERVED = Set.of("seq", "type", "at");

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*");
  private static final int MAX_TYPE_LENGTH = 64;
  private static final int MAX_SEARCH_TEXT = 2000;
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private LedgerEntryFormat() {}

  /** Refuses a type that is not lower-case words joined by dots, dashes or underscores. */
  public static String checkType(String type) {
    if (type == null || type.length() > MAX_TYPE_LENGTH || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "a ledger entry type is lower-case words joined by '.', '-' or '_' (at most "
              + MAX_TYPE_LENGTH
              + " characters), e.g. inquiry.submitted; not "
              + type);
    }
    return type;
  }

  /**
   * The caller's fields with the conveniences converted, checked for reserved names and for what
   * canonical JSON refuses. Throws {@link IllegalArgumentException} on any problem.
   */
  public static Map<String, Object> normalize(Map<String, ?> fields) {
    if (fields == null) {
      throw new IllegalArgumentException("ledger entry fields are required (may be empty)");
    }
    for (String name : fields.keySet()) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException(
            "'" + name + "' is written by the ledger itself; use another field name");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> normalized = (Map<String, Object>) convert(fields, 0);
    CanonicalJson.bytes(normalized); // fails early on anything canonical JSON refuses
    return normalized;
  }

  /** The time as entries write it: ISO-8601 UTC with exactly three fraction digits. */
  public static String at(Instant time) {
    return AT.format(time);
  }

  /** The leaf bytes of the entry; the fields must come from {@link #normalize}. */
  public static byte[] leaf(long seq, String type, Instant at, Map<String, Object> fields) {
    Map<String, Object> entry = new LinkedHashMap<>(fields);
    entry.put("seq", seq);
    entry.put("type", checkType(type));
    entry.put("at", at(at));
    return CanonicalJson.bytes(entry);
  }

  /** The entry's top-level string member {@code name}, if there is one, for browsing. */
  public static String topLevelString(Map<String, Object> fields, String name, int maxLength) {
    Object value = fields.get(name);
    if (value instanceof String s && !s.isBlank()) {
      return s.length() <= maxLength ? s : s.substring(0, maxLength);
    }
    return null;
  }

  /** Lower-cased string values of the entry, for a simple contains-search; capped. */
  public static String searchText(String type, Map<String, Object> fields) {
    StringBuilder out = new StringBuilder(type);
    strings(fields, out);
    String text = out.toString().toLowerCase(Locale.ROOT);
    return text.length() <= MAX_SEARCH_TEXT ? text : text.substring(0, MAX_SEARCH_TEXT);
  }

  private static void strings(Object value, StringBuilder out) {
    if (out.length() > MAX_SEARCH_TEXT) {
      return;
    }
    if (value instanceof String s) {
      out.append(' ').append(s);
    } else if (value instanceof Map<?, ?> m) {
      // In key order, as in the canonical JSON, so the text does not depend on the map's order.
      new TreeMap<>(m).values().forEach(v -> strings(v, out));
    } else if (value instanceof Collection<?> c) {
      c.forEach(v -> strings(v, out));
    } else if (value != null) {
      out.append(' ').append(value);
    }
  }

  private static Object convert(Object value, int depth) {
    if (depth > 64) {
      throw new IllegalArgumentException("ledger entry fields nest at most 64 levels");
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    if (value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof Instant i) {
      return at(i);
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof UUID u) {
      return u.toString();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> member : m.entrySet()) {
        if (!(member.getKey() instanceof String name)) {
          throw new IllegalArgumentException(
              "a JSON member name must be a string, not " + member.getKey());
        }
        out.put(name, convert(member.getValue(), depth + 1));
      }
      return out;
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object element : c) {
        out.add(convert(element, depth + 1));
      }
      return out;
    }
    return value;
  }
}
