package org.tribune.selection.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribune.platform.entity.DomainException;

/**
 * Reads the Sortition Foundation's two CSV files (RFC 4180: commas, double-quoted fields with
 * {@code ""} for a quote, CRLF or LF). {@code categories.csv} has a header {@code
 * category,feature,min,max} ({@code name} or {@code value} are accepted for {@code feature}, as the
 * Foundation's files use {@code name}); {@code respondents.csv} has a header naming one column per
 * category, an optional {@code id} column (otherwise ids are 0-based row numbers), and any other
 * columns, which are ignored. Every error names the file's field and the line.
 */
public final class SortitionCsv {

  private SortitionCsv() {}

  public static List<Quota> categories(String text) {
    List<Row> rows = rows(text, "categories");
    if (rows.isEmpty()) {
      throw DomainException.invalid("categories", "the file is empty");
    }
    List<String> header = lower(rows.get(0).fields());
    int category = column(header, "categories", rows.get(0).line(), "category");
    int feature = column(header, "categories", rows.get(0).line(), "feature", "name", "value");
    int min = column(header, "categories", rows.get(0).line(), "min");
    int max = column(header, "categories", rows.get(0).line(), "max");
    List<Quota> out = new ArrayList<>();
    for (Row row : rows.subList(1, rows.size())) {
      out.add(
          new Quota(
              field(row, category, "categories"),
              field(row, feature, "categories"),
              number(row, min, "min"),
              number(row, max, "max")));
    }
    return out;
  }

  public static List<Respondent> respondents(String text, List<Quota> quotas) {
    List<Row> rows = rows(text, "respondents");
    if (rows.isEmpty()) {
      throw DomainException.invalid("respondents", "the file is empty");
    }
    Row head = rows.get(0);
    List<String> header = head.fields().stream().map(String::trim).toList();
    int id = lower(header).indexOf("id");
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (Quota q : quotas) {
      if (!columns.containsKey(q.category())) {
        int c = header.indexOf(q.category());
        if (c < 0) {
          throw DomainException.invalid(
              "respondents",
              "line " + head.line() + ": no column \"" + q.category() + "\" for that category");
        }
        columns.put(q.category(), c);
      }
    }
    List<Respondent> out = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      Row row = rows.get(r);
      Map<String, String> features = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> c : columns.entrySet()) {
        features.put(c.getKey(), field(row, c.getValue(), "respondents"));
      }
      String key = id >= 0 ? field(row, id, "respondents") : String.valueOf(r - 1);
      out.add(new Respondent(key, features));
    }
    return out;
  }

  private record Row(int line, List<String> fields) {}

  private static List<Row> rows(String text, String name) {
    List<Row> out = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int rowLine = 1;
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        any = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          fields.add(field.toString());
          out.add(new Row(rowLine, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
        any = false;
        line++;
        rowLine = line;
      } else {
        field.append(ch);
      }
    }
    if (quoted) {
      throw DomainException.invalid(name, "line " + rowLine + ": a quoted field is not closed");
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      out.add(new Row(rowLine, List.copyOf(fields)));
    }
    return out;
  }

  private static List<String> lower(List<String> values) {
    return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
  }

  private static int column(List<String> header, String file, int line, String... names) {
    for (String n : names) {
      int c = header.indexOf(n);
      if (c >= 0) {
        return c;
      }
    }
    throw DomainException.invalid(
        file, "line " + line + ": the header needs a column \"" + names[0] + "\"");
  }

  private static String field(Row row, int column, String file) {
    if (column >= row.fields().size()) {
      throw DomainException.invalid(
          file,
          "line "
              + row.line()
              + ": expected at least "
              + (column + 1)
              + " fields, found "
              + row.fields().size());
    }
    String value = row.fields().get(column).trim();
    if (value.isEmpty()) {
      throw DomainException.invalid(
          file, "line " + row.line() + ": field " + (column + 1) + " is empty");
    }
    return value;
  }

  private static int number(Row row, int column, String what) {
    String value = field(row, column, "categories");
    if (!value.matches("\\d{1,6}")) {
      throw DomainException.invalid(
          "categories",
          "line " + row.line() + ": " + what + " must be a whole number, found \"" + value + "\"");
    }
    return Integer.parseInt(value);
  }
}
