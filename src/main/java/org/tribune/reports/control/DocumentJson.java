package org.tribune.reports.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Chart;
import org.tribune.reports.entity.ReportDocument.ChartKind;
import org.tribune.reports.entity.ReportDocument.Column;
import org.tribune.reports.entity.ReportDocument.Figure;
import org.tribune.reports.entity.ReportDocument.Table;
import org.tribune.reports.entity.ReportDocument.ValueType;

/**
 * The canonical JSON of a {@link ReportDocument}: the bytes that are stored, hashed (SHA-256) and
 * recorded in the response ledger, and served as the open data's {@code document.json}. Canonical
 * means one spelling per document: object keys sorted by code point, no whitespace, strings escaped
 * as RFC 8785 does, integers as integers, decimals as plain decimal numbers with the scale they
 * were computed with (never exponents), instants and dates as ISO-8601 strings. The schema is
 * documented in docs/open-data.md ({@value #SCHEMA}).
 */
public final class DocumentJson {

  public static final String SCHEMA = "tribune-report/1";

  private DocumentJson() {}

  public static String text(ReportDocument d) {
    StringBuilder out = new StringBuilder();
    write(tree(d), out);
    return out.toString();
  }

  public static byte[] bytes(ReportDocument d) {
    return text(d).getBytes(StandardCharsets.UTF_8);
  }

  public static String sha256(String canonical) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document as maps and lists (key order irrelevant: the writer sorts). */
  static Map<String, Object> tree(ReportDocument d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", SCHEMA);
    m.put("kind", d.kind());
    m.put("subject", d.subject());
    m.put("version", (long) d.version());
    m.put("title", d.title());
    m.put("summary", d.summary());
    m.put("generatedAt", d.generatedAt() == null ? null : d.generatedAt().toString());
    m.put("publishedAt", d.publishedAt() == null ? null : d.publishedAt().toString());
    m.put("changeNote", d.changeNote());
    m.put(
        "figures",
        d.figures().stream()
            .map(
                f -> {
                  Map<String, Object> fm = new LinkedHashMap<>();
                  fm.put("id", f.id());
                  fm.put("type", wire(f.type()));
                  fm.put("value", value(f.value()));
                  return (Object) fm;
                })
            .toList());
    m.put("tables", d.tables().stream().map(t -> (Object) table(t)).toList());
    m.put(
        "charts",
        d.charts().stream()
            .map(
                c -> {
                  Map<String, Object> cm = new LinkedHashMap<>();
                  cm.put("id", c.id());
                  cm.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                  cm.put("table", c.tableId());
                  cm.put("labelColumn", c.labelColumn());
                  cm.put("valueColumns", List.copyOf(c.valueColumns()));
                  return (Object) cm;
                })
            .toList());
    return m;
  }

  /** One table as its own JSON object (the open data's {@code tables/<id>.json}). */
  public static Map<String, Object> table(Table t) {
    Map<String, Object> tm = new LinkedHashMap<>();
    tm.put("id", t.id());
    tm.put(
        "columns",
        t.columns().stream()
            .map(
                c -> {
                  Map<String, Object> cm = new LinkedHashMap<>();
                  cm.put("id", c.id());
                  cm.put("type", wire(c.type()));
                  return (Object) cm;
                })
            .toList());
    tm.put(
        "rows",
        t.rows().stream().map(r -> (Object) r.stream().map(DocumentJson::value).toList()).toList());
    return tm;
  }

  public static String wire(ValueType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** Canonical text of any tree of maps, lists, strings, numbers, booleans and nulls. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static Object value(Object v) {
    if (v instanceof Instant || v instanceof LocalDate) {
      return v.toString();
    }
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new IllegalArgumentException("not a finite number: " + d);
      }
      return BigDecimal.valueOf(d);
    }
    return v;
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Long || value instanceof Integer) {
      out.append(((Number) value).longValue());
    } else if (value instanceof BigDecimal b) {
      out.append(b.toPlainString());
    } else if (value instanceof Double || value instanceof Instant || value instanceof LocalDate) {
      write(value(value), out);
    } else if (value instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put((String) k, v));
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(l.get(i), out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName());
    }
  }

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
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Reads a document back from its canonical JSON; values are typed by their column or figure. */
  public static ReportDocument parse(String json) {
    JsonObject o;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      o = reader.readObject();
    }
    List<Figure> figures = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("figures")) {
      JsonObject f = v.asJsonObject();
      ValueType type = type(f.getString("type"));
      figures.add(new Figure(f.getString("id"), type, read(f.get("value"), type)));
    }
    List<Table> tables = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("tables")) {
      JsonObject t = v.asJsonObject();
      List<Column> columns = new ArrayList<>();
      for (JsonValue c : t.getJsonArray("columns")) {
        columns.add(
            new Column(c.asJsonObject().getString("id"), type(c.asJsonObject().getString("type"))));
      }
      List<List<Object>> rows = new ArrayList<>();
      for (JsonValue r : t.getJsonArray("rows")) {
        JsonArray cells = r.asJsonArray();
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
          row.add(read(cells.get(i), columns.get(i).type()));
        }
        rows.add(row);
      }
      tables.add(new Table(t.getString("id"), columns, rows));
    }
    List<Chart> charts = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("charts")) {
      JsonObject c = v.asJsonObject();
      charts.add(
          new Chart(
              c.getString("id"),
              ChartKind.valueOf(c.getString("kind").toUpperCase(Locale.ROOT)),
              c.getString("table"),
              c.getString("labelColumn"),
              c.getJsonArray("valueColumns").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .toList()));
    }
    return new ReportDocument(
        o.getString("kind"),
        o.getString("subject"),
        o.getJsonNumber("version").intValue(),
        o.getString("title"),
        o.getString("summary"),
        instant(o.get("generatedAt")),
        instant(o.get("publishedAt")),
        o.isNull("changeNote") ? null : o.getString("changeNote"),
        figures,
        tables,
        charts);
  }

  private static ValueType type(String wire) {
    return ValueType.valueOf(wire.toUpperCase(Locale.ROOT));
  }

  private static Instant instant(JsonValue v) {
    return v == null || v.getValueType() == JsonValue.ValueType.NULL
        ? null
        : Instant.parse(((JsonString) v).getString());
  }

  private static Object read(JsonValue v, ValueType type) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return switch (type) {
      case INTEGER -> ((JsonNumber) v).longValueExact();
      case DECIMAL, PERCENT -> ((JsonNumber) v).bigDecimalValue();
      default -> ((JsonString) v).getString();
    };
  }
}
