package org.tribune.reports.control;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribune.reports.entity.ReportDocument.Chart;
import org.tribune.reports.entity.ReportDocument.ChartKind;
import org.tribune.reports.entity.ReportDocument.Column;
import org.tribune.reports.entity.ReportDocument.Table;
import org.tribune.reports.entity.ReportDocument.ValueType;

/**
 * A report chart as static SVG, drawn on the server so the page needs no script and the PDF gets
 * the same picture: one category per table row (labelled by the chart's label column), one bar or
 * line per value column, a value axis that always includes zero, and a legend. The SVG carries
 * {@code <title>} and {@code <desc>} for screen readers and a {@code <title>} on every bar and
 * point; the exact numbers are in the table that follows the chart.
 *
 * <p>Styling is done with presentation attributes, not classes, because the PDF renderer draws the
 * SVG on its own, without the page's stylesheet. Classes and {@code data-*} attributes are there
 * for tests and for the portal.
 */
public final class ReportChart {

  static final int WIDTH = 640;
  static final int HEIGHT = 320;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 32;
  private static final String FONT = "Noto Sans SC, sans-serif";
  private static final String[] COLOURS = {"#2563eb", "#ea580c", "#059669", "#9333ea", "#be123c"};

  private final Chart chart;
  private final Table table;
  private final ReportLabels labels;
  private final int labelColumn;
  private final List<Integer> valueColumns;
  private final boolean rotateLabels;
  private final double bottom;
  private final Scale scale;

  private ReportChart(Chart chart, Table table, ReportLabels labels) {
    this.chart = chart;
    this.table = table;
    this.labels = labels;
    this.labelColumn = table.column(chart.labelColumn());
    this.valueColumns = chart.valueColumns().stream().map(table::column).toList();
    this.rotateLabels = table.rows().size() > 8;
    this.bottom = rotateLabels ? 96 : 48;
    this.scale = Scale.of(values(), TOP, HEIGHT - bottom);
  }

  /**
   * The chart as an {@code <svg>} element (SVG namespace declared, no XML declaration), ready to be
   * placed inline in XHTML.
   */
  public static String svg(Chart chart, Table table, ReportLabels labels) {
    if (!chart.tableId().equals(table.id())) {
      throw new IllegalArgumentException("chart " + chart.id() + " draws " + chart.tableId());
    }
    return new ReportChart(chart, table, labels).draw();
  }

  /** The element id of a chart's SVG title, for {@code aria-labelledby} and links. */
  static String elementId(Chart chart) {
    return "report-chart-" + Markup.token(chart.id());
  }

  private List<Double> values() {
    List<Double> all = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      for (int column : valueColumns) {
        Double value = number(row.get(column));
        if (value != null) {
          all.add(value);
        }
      }
    }
    return all;
  }

  private static Double number(Object value) {
    return value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
  }

  private String draw() {
    String id = elementId(chart);
    String title = labels.chart(chart.id());
    String series =
        String.join(
            ", ", valueColumns.stream().map(c -> columnLabel(c)).toList().toArray(new String[0]));
    String description =
        labels.ui(
                chart.kind() == ChartKind.BAR ? "chart_bar" : "chart_line",
                series,
                columnLabel(labelColumn))
            + " "
            + labels.ui("chart_values");
    StringBuilder svg = new StringBuilder(4096);
    svg.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"report-chart-svg\"")
        .append(" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\" data-chart=\"")
        .append(Markup.attribute(chart.id()))
        .append("\" data-kind=\"")
        .append(chart.kind().name().toLowerCase(Locale.ROOT))
        .append("\" font-family=\"")
        .append(FONT)
        .append("\" font-size=\"11\">");
    svg.append("<title id=\"")
        .append(id)
        .append("-title\">")
        .append(Markup.text(title))
        .append("</title>");
    svg.append("<desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(Markup.text(description))
        .append("</desc>");
    svg.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" fill=\"#ffffff\"/>");
    drawLegend(svg);
    drawAxis(svg);
    if (chart.kind() == ChartKind.BAR) {
      drawBars(svg);
    } else {
      drawLines(svg);
    }
    drawCategories(svg);
    svg.append("</svg>");
    return svg.toString();
  }

  private String columnLabel(int column) {
    return labels.column(table.id(), table.columns().get(column).id());
  }

  private double plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  private double slot() {
    return plotWidth() / Math.max(1, table.rows().size());
  }

  private double slotCentre(int row) {
    return LEFT + slot() * row + slot() / 2;
  }

  private void drawLegend(StringBuilder svg) {
    double x = LEFT;
    for (int s = 0; s < valueColumns.size(); s++) {
      String label = columnLabel(valueColumns.get(s));
      svg.append("<g class=\"legend\">")
          .append(rect(x, 10, 10, 10, colour(s), null))
          .append(text(x + 14, 19, "start", "#374151", label, null))
          .append("</g>");
      x += 14 + textWidth(label) + 20;
    }
  }

  private void drawAxis(StringBuilder svg) {
    ValueType type = table.columns().get(valueColumns.get(0)).type();
    svg.append("<g class=\"axis\">");
    for (double tick : scale.ticks()) {
      double y = scale.y(tick);
      svg.append(line(LEFT, y, WIDTH - RIGHT, y, tick == 0 ? "#6b7280" : "#e5e7eb"));
      svg.append(
          text(LEFT - 6, y + 4, "end", "#374151", scale.tickLabel(tick, type, labels), null));
    }
    svg.append(line(LEFT, TOP, LEFT, HEIGHT - bottom, "#6b7280"));
    svg.append("</g>");
  }

  private void drawBars(StringBuilder svg) {
    double group = slot() * 0.72;
    double barWidth = group / valueColumns.size();
    double zero = scale.y(0);
    svg.append("<g class=\"bars\">");
    for (int r = 0; r < table.rows().size(); r++) {
      List<Object> row = table.rows().get(r);
      double start = LEFT + slot() * r + (slot() - group) / 2;
      for (int s = 0; s < valueColumns.size(); s++) {
        int column = valueColumns.get(s);
        Double value = number(row.get(column));
        if (value == null) {
          continue;
        }
        double y = scale.y(value);
        svg.append("<rect class=\"bar series-")
            .append(s)
            .append("\" data-row=\"")
            .append(r)
            .append("\" data-series=\"")
            .append(Markup.attribute(table.columns().get(column).id()))
            .append("\" data-value=\"")
            .append(value)
            .append("\" x=\"")
            .append(coordinate(start + barWidth * s))
            .append("\" y=\"")
            .append(coordinate(Math.min(y, zero)))
            .append("\" width=\"")
            .append(coordinate(Math.max(1, barWidth - 2)))
            .append("\" height=\"")
            .append(coordinate(Math.abs(zero - y)))
            .append("\" fill=\"")
            .append(colour(s))
            .append("\"><title>")
            .append(Markup.text(pointTitle(row, column)))
            .append("</title></rect>");
      }
    }
    svg.append("</g>");
  }

  private void drawLines(StringBuilder svg) {
    svg.append("<g class=\"lines\">");
    for (int s = 0; s < valueColumns.size(); s++) {
      int column = valueColumns.get(s);
      StringBuilder points = new StringBuilder();
      StringBuilder markers = new StringBuilder();
      for (int r = 0; r < table.rows().size(); r++) {
        List<Object> row = table.rows().get(r);
        Double value = number(row.get(column));
        if (value == null) {
          continue;
        }
        String x = coordinate(slotCentre(r));
        String y = coordinate(scale.y(value));
        points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
        markers
            .append("<circle class=\"point series-")
            .append(s)
            .append("\" data-row=\"")
            .append(r)
            .append("\" data-value=\"")
            .append(value)
            .append("\" cx=\"")
            .append(x)
            .append("\" cy=\"")
            .append(y)
            .append("\" r=\"3.5\" fill=\"")
            .append(colour(s))
            .append("\"><title>")
            .append(Markup.text(pointTitle(row, column)))
            .append("</title></circle>");
      }
      svg.append("<polyline class=\"line series-")
          .append(s)
          .append("\" fill=\"none\" stroke=\"")
          .append(colour(s))
          .append("\" stroke-width=\"2\" points=\"")
          .append(points)
          .append("\"/>")
          .append(markers);
    }
    svg.append("</g>");
  }

  private void drawCategories(StringBuilder svg) {
    double maxWidth = rotateLabels ? bottom * 1.2 : slot() - 4;
    svg.append("<g class=\"categories\">");
    for (int r = 0; r < table.rows().size(); r++) {
      String label = categoryLabel(table.rows().get(r));
      double x = slotCentre(r);
      double y = HEIGHT - bottom + 16;
      String transform =
          rotateLabels ? "rotate(-40 " + coordinate(x) + " " + coordinate(y) + ")" : null;
      svg.append(
          text(x, y, rotateLabels ? "end" : "middle", "#374151", fit(label, maxWidth), transform));
    }
    svg.append("</g>");
  }

  private String categoryLabel(List<Object> row) {
    Column column = table.columns().get(labelColumn);
    return labels.format(column.type(), row.get(labelColumn));
  }

  private String pointTitle(List<Object> row, int column) {
    Column value = table.columns().get(column);
    return categoryLabel(row)
        + " — "
        + columnLabel(column)
        + ": "
        + labels.format(value.type(), row.get(column));
  }

  private static String colour(int series) {
    return COLOURS[series % COLOURS.length];
  }

  private static String rect(
      double x, double y, double width, double height, String fill, String cssClass) {
    return "<rect"
        + (cssClass == null ? "" : " class=\"" + cssClass + "\"")
        + " x=\""
        + coordinate(x)
        + "\" y=\""
        + coordinate(y)
        + "\" width=\""
        + coordinate(width)
        + "\" height=\""
        + coordinate(height)
        + "\" fill=\""
        + fill
        + "\"/>";
  }

  private static String line(double x1, double y1, double x2, double y2, String stroke) {
    return "<line x1=\""
        + coordinate(x1)
        + "\" y1=\""
        + coordinate(y1)
        + "\" x2=\""
        + coordinate(x2)
        + "\" y2=\""
        + coordinate(y2)
        + "\" stroke=\""
        + stroke
        + "\" stroke-width=\"1\"/>";
  }

  private static String text(
      double x, double y, String anchor, String fill, String content, String transform) {
    return "<text x=\""
        + coordinate(x)
        + "\" y=\""
        + coordinate(y)
        + "\" text-anchor=\""
        + anchor
        + "\" fill=\""
        + fill
        + "\""
        + (transform == null ? "" : " transform=\"" + transform + "\"")
        + ">"
        + Markup.text(content)
        + "</text>";
  }

  /** SVG coordinates are written with a dot and two decimals whatever the reader's language. */
  static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** A rough width at font size 11: wide CJK characters count about twice a Latin letter. */
  static double textWidth(String text) {
    return text.codePoints()
        .mapToDouble(c -> Character.isIdeographic(c) || c > 0x2E80 ? 11 : 6.2)
        .sum();
  }

  /** The label cut to the width with an ellipsis; the whole label is in the table and titles. */
  static String fit(String label, double width) {
    if (textWidth(label) <= width) {
      return label;
    }
    StringBuilder out = new StringBuilder();
    double used = textWidth("…");
    for (int c : label.codePoints().toArray()) {
      double w = textWidth(new String(Character.toChars(c)));
      if (used + w > width) {
        break;
      }
      out.appendCodePoint(c);
      used += w;
    }
    return out.toString().strip() + "…";
  }

  /** The value axis: from min(0, smallest) to max(0, largest), rounded out to "nice" ticks. */
  record Scale(double low, double high, double step, double top, double bottom) {

    static Scale of(List<Double> values, double top, double bottom) {
      double low = Math.min(0, values.stream().mapToDouble(v -> v).min().orElse(0));
      double high = Math.max(0, values.stream().mapToDouble(v -> v).max().orElse(0));
      if (high == low) {
        high = low + 1;
      }
      double step = niceStep((high - low) / 4);
      return new Scale(
          Math.floor(low / step) * step, Math.ceil(high / step) * step, step, top, bottom);
    }

    static double niceStep(double rough) {
      double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
      double fraction = rough / magnitude;
      double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
      return nice * magnitude;
    }

    double y(double value) {
      return bottom - (value - low) / (high - low) * (bottom - top);
    }

    List<Double> ticks() {
      List<Double> ticks = new ArrayList<>();
      long count = Math.round((high - low) / step);
      for (long i = 0; i <= count; i++) {
        double tick = low + i * step;
        ticks.add(Math.abs(tick) < step / 1e6 ? 0 : tick);
      }
      return ticks;
    }

    String tickLabel(double tick, ValueType type, ReportLabels labels) {
      NumberFormat format = NumberFormat.getNumberInstance(labels.locale());
      if (type == ValueType.PERCENT) {
        format.setMaximumFractionDigits(decimals(step * 100));
        return format.format(tick * 100) + "%";
      }
      format.setMaximumFractionDigits(decimals(step));
      return format.format(tick);
    }

    private static int decimals(double step) {
      return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }
  }
}
