package org.tribune.reports.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Column;
import org.tribune.reports.entity.ReportDocument.Table;

/**
 * The open data of one report version (docs/open-data.md): each table as CSV (RFC 4180: a header
 * row of column ids, CRLF line ends, fields quoted when they hold a comma, quote or line break,
 * UTF-8 without BOM, empty for "not shown") and as JSON, the whole document, a schema and a README,
 * zipped together with fixed timestamps so the same version always gives the same bytes.
 */
public final class OpenData {

  /** A file added to the bundle beside the open data (e.g. the PDF). */
  public record Extra(String name, byte[] bytes) {}

  private OpenData() {}

  public static String csv(Table t) {
    StringBuilder out = new StringBuilder();
    List<String> header = t.columns().stream().map(Column::id).toList();
    line(header, out);
    for (List<Object> row : t.rows()) {
      List<String> cells = new ArrayList<>(row.size());
      for (Object v : row) {
        cells.add(cell(v));
      }
      line(cells, out);
    }
    return out.toString();
  }

  public static String json(Table t) {
    return DocumentJson.write(DocumentJson.table(t));
  }

  /**
   * The text of one value as CSV, the page and the JSON agree on it: plain decimals, no exponent.
   */
  public static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d).toPlainString();
    }
    return v.toString();
  }

  private static void line(List<String> cells, StringBuilder out) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0
          || c.indexOf('"') >= 0
          || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    out.append("\r\n");
  }

  /** The schema of this version's files: every table's columns and their types. */
  public static String schema(ReportDocument d) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("schema", DocumentJson.SCHEMA);
    s.put("kind", d.kind());
    List<Object> tables = new ArrayList<>();
    for (Table t : d.tables()) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("id", t.id());
      tm.put("csv", "tables/" + t.id() + ".csv");
      tm.put("json", "tables/" + t.id() + ".json");
      tm.put(
          "columns",
          t.columns().stream()
              .map(
                  c -> {
                    Map<String, Object> cm = new LinkedHashMap<>();
                    cm.put("id", c.id());
                    cm.put("type", DocumentJson.wire(c.type()));
                    return (Object) cm;
                  })
              .toList());
      tables.add(tm);
    }
    s.put("tables", tables);
    s.put(
        "types",
        Map.of(
            "text", "a string",
            "integer", "a whole number",
            "decimal", "a decimal number, plain notation",
            "percent",
                "a fraction from 0 to 1 (0.7167 = 71.67 %); empty/null below the minimum sample",
            "date", "an ISO-8601 date or instant",
            "link", "an absolute URL or a portal route starting with #/"));
    return DocumentJson.write(s);
  }

  public static String readme(ReportDocument d, String sha256) {
    StringBuilder r = new StringBuilder();
    r.append("Tribune outcome report: ").append(d.title()).append("\n\n");
    r.append("kind: ").append(d.kind()).append('\n');
    r.append("subject: ").append(d.subject()).append('\n');
    r.append("version: ").append(d.version()).append('\n');
    r.append("published: ").append(d.publishedAt()).append('\n');
    if (d.changeNote() != null) {
      r.append("what changed: ").append(d.changeNote()).append('\n');
    }
    r.append("sha256 of document.json: ").append(sha256).append("\n\n");
    r.append("Files\n");
    r.append(
        "  document.json  the whole report (canonical JSON; its SHA-256 is in the response ledger)\n");
    r.append("  schema.json    the tables, their columns and types\n");
    for (Table t : d.tables()) {
      r.append("  tables/")
          .append(t.id())
          .append(".csv, tables/")
          .append(t.id())
          .append(".json  ")
          .append(t.rows().size())
          .append(" rows\n");
    }
    r.append("\nThe schema is described in docs/open-data.md (")
        .append(DocumentJson.SCHEMA)
        .append(").\n");
    r.append(
        "Check: sha256sum document.json must print the hash above; the ledger entry of type\n");
    r.append("report-published for this kind, subject and version carries the same hash.\n");
    return r.toString();
  }

  /** The zip bundle; {@code canonical} is the stored document text, byte for byte. */
  public static byte[] bundle(
      ReportDocument d, String canonical, String sha256, List<Extra> extras) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Instant stamp = d.publishedAt() != null ? d.publishedAt() : d.generatedAt();
    FileTime time = FileTime.from(stamp == null ? Instant.parse("1980-01-01T00:00:00Z") : stamp);
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      put(zip, "README.txt", readme(d, sha256), time);
      put(zip, "document.json", canonical, time);
      put(zip, "schema.json", schema(d), time);
      for (Table t : d.tables()) {
        put(zip, "tables/" + t.id() + ".csv", csv(t), time);
        put(zip, "tables/" + t.id() + ".json", json(t), time);
      }
      for (Extra e : extras) {
        put(zip, e.name(), e.bytes(), time);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text, FileTime time)
      throws IOException {
    put(zip, name, text.getBytes(StandardCharsets.UTF_8), time);
  }

  private static void put(ZipOutputStream zip, String name, byte[] content, FileTime time)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setLastModifiedTime(time);
    zip.putNextEntry(e);
    zip.write(content);
    zip.closeEntry();
  }
}
