package org.tribune.reports.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What every format of a report renders: the portal page, the PDF, the CSV/JSON tables and the
 * bundle. A published report is one frozen {@code ReportDocument}; its SHA-256 is taken over its
 * canonical JSON, so the page, the PDF and the open data cannot show different figures.
 *
 * <p>The document is language-neutral: tables, columns, figures and charts carry stable ids, and
 * their display labels come from the report label bundle for the reader's language. Free text
 * (titles of ideas, the manager's summary, answers) is kept as written.
 *
 * @param kind {@code weekly}, {@code session}, {@code selection} or {@code scoreboard}
 * @param subject what the report is about: an ISO week ({@code 2026-W47}), a session id, a round
 *     id, or a period ({@code 2026-10-01..2026-12-31})
 * @param version 1 for the first publication; a later change is a new version
 * @param title the report's title as written by the community manager (or generated)
 * @param summary the community manager's summary, plain text, may be empty
 * @param generatedAt when the figures were computed
 * @param publishedAt when it was published, {@code null} for a draft
 * @param changeNote what changed from the previous version, {@code null} for version 1
 * @param figures headline numbers, in display order
 * @param tables the report's tables, in display order; each is one CSV/JSON file of the open data
 * @param charts charts drawn from the tables
 */
public record ReportDocument(
    String kind,
    String subject,
    int version,
    String title,
    String summary,
    Instant generatedAt,
    Instant publishedAt,
    String changeNote,
    List<Figure> figures,
    List<Table> tables,
    List<Chart> charts) {

  public ReportDocument {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(title, "title");
    summary = summary == null ? "" : summary;
    figures = List.copyOf(figures);
    tables = List.copyOf(tables);
    charts = List.copyOf(charts);
  }

  public Table table(String id) {
    return tables.stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + id));
  }

  /** How a value is shown and typed in the open-data schema. */
  public enum ValueType {
    TEXT,
    INTEGER,
    /** a decimal number, shown with the precision it was computed with */
    DECIMAL,
    /** a fraction 0..1 shown as a percentage; {@code null} when below the minimum sample */
    PERCENT,
    /** ISO-8601 date or instant */
    DATE,
    /** an absolute or portal-relative link */
    LINK
  }

  /**
   * A headline number. {@code value} is a Long, a BigDecimal/Double, or a String; {@code null}
   * means "not shown" (e.g. below the minimum sample).
   */
  public record Figure(String id, ValueType type, Object value) {}

  public record Column(String id, ValueType type) {}

  /**
   * One table; every row has one value per column (Long, Double/BigDecimal, String, or null).
   * {@code id} is stable: it names the CSV/JSON file in the open data and the label key.
   */
  public record Table(String id, List<Column> columns, List<List<Object>> rows) {
    public Table {
      columns = List.copyOf(columns);
      rows =
          rows.stream()
              .map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)))
              .toList();
      for (List<Object> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(
              "table "
                  + id
                  + ": a row has "
                  + row.size()
                  + " values for "
                  + columns.size()
                  + " columns");
        }
      }
    }

    public int column(String columnId) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).id().equals(columnId)) {
          return i;
        }
      }
      throw new IllegalArgumentException("table " + id + " has no column " + columnId);
    }
  }

  public enum ChartKind {
    BAR,
    LINE
  }

  /**
   * A chart of one table: one category per row, labelled by {@code labelColumn}, one series per
   * value column.
   */
  public record Chart(
      String id, ChartKind kind, String tableId, String labelColumn, List<String> valueColumns) {
    public Chart {
      valueColumns = List.copyOf(valueColumns);
    }
  }
}
