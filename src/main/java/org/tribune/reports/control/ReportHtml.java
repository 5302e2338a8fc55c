package org.tribune.reports.control;

import java.util.List;
import java.util.Locale;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Chart;
import org.tribune.reports.entity.ReportDocument.Column;
import org.tribune.reports.entity.ReportDocument.Figure;
import org.tribune.reports.entity.ReportDocument.Table;
import org.tribune.reports.entity.ReportDocument.ValueType;

/**
 * A report as XHTML: the printable page, the source of the PDF ({@link ReportPdf}) and, as a
 * fragment, the body of the portal's report view. The output is well-formed XML (the PDF renderer
 * parses it as such), every value from the document is escaped, charts are inline SVG drawn here
 * ({@link ReportChart}) and each is followed by the table that holds its numbers, so the page reads
 * the same without script, in print and to a screen reader.
 *
 * <p>Labels come from {@link ReportLabels} for the reader's language; free text (title, summary,
 * change note, table cells) is shown as written, whatever its language.
 */
public final class ReportHtml {

  private static final String STYLESHEET =
      """
      .report { font-family: "Noto Sans SC", system-ui, -apple-system, "Segoe UI", Roboto,
        "PingFang SC", "Microsoft YaHei", sans-serif; color: #111827; line-height: 1.45;
        max-width: 60rem; margin: 0 auto; }
      .report h1 { font-size: 1.6rem; margin: 0.2rem 0 0.4rem; }
      .report h2 { font-size: 1.15rem; margin: 1.4rem 0 0.5rem; }
      .report .report-kind { color: #4b5563; margin: 0; text-transform: none; }
      .report .report-meta { color: #4b5563; margin: 0 0 1rem; font-size: 0.9rem; }
      .report .report-change { border-left: 4px solid #d97706; background: #fffbeb;
        padding: 0.4rem 0.8rem; }
      .report .report-summary p { margin: 0 0 0.6rem; }
      .report .figures { margin: 0; padding: 0; }
      .report .figure { display: inline-block; vertical-align: top; width: 10.5rem;
        margin: 0 0.6rem 0.6rem 0; padding: 0.5rem 0.7rem; border: 1px solid #d1d5db;
        border-radius: 6px; }
      .report .figure dt { font-size: 0.85rem; color: #4b5563; }
      .report .figure dd { margin: 0.2rem 0 0; font-size: 1.35rem; font-weight: bold; }
      .report .report-chart { margin: 0.5rem 0 0.8rem; }
      .report .report-chart svg { max-width: 100%; height: auto; }
      .report .report-chart figcaption { font-size: 0.85rem; color: #4b5563; }
      .report table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
      .report th, .report td { border-bottom: 1px solid #e5e7eb; padding: 0.3rem 0.5rem;
        text-align: left; vertical-align: top; word-wrap: break-word; }
      .report thead th { border-bottom: 2px solid #9ca3af; background: #f3f4f6; }
      .report .num { text-align: right; white-space: nowrap; }
      .report .missing { color: #6b7280; font-style: italic; }
      @page { size: A4; margin: 16mm 14mm 18mm 14mm;
        @bottom-center { content: counter(page) " / " counter(pages);
          font-family: "Noto Sans SC", sans-serif; font-size: 9pt; color: #6b7280; } }
      @media print {
        .report { max-width: none; font-size: 10pt; }
        .report table { -fs-table-paginate: paginate; }
        .report thead { display: table-header-group; }
        .report tr, .report .figure, .report .report-chart { page-break-inside: avoid; }
        .report h2 { page-break-after: avoid; }
        .report a { color: #111827; text-decoration: none; }
      }
      """;

  private ReportHtml() {}

  /** For screens only: the PDF renderer knows no {@code overflow-x}. */
  private static final String SCREEN_STYLESHEET = ".report .table-wrap { overflow-x: auto; }\n";

  /** The stylesheet the page uses, for the portal to serve or inline beside the fragment. */
  public static String stylesheet() {
    return STYLESHEET + "@media screen {\n" + SCREEN_STYLESHEET + "}\n";
  }

  /**
   * A complete XHTML document (XML declaration, {@code <html>} in the XHTML namespace, embedded
   * stylesheet), in the reader's language as {@link ReportLabels#supported(Locale)} picks it.
   */
  public static String render(ReportDocument document, Locale locale) {
    return render(document, locale, false);
  }

  /**
   * The document for a browser or, with {@code forPdf}, for the PDF renderer: there, links that are
   * not absolute web links stay text, since a PDF has no portal to resolve them against.
   */
  static String render(ReportDocument document, Locale locale, boolean forPdf) {
    ReportLabels labels = ReportLabels.of(locale);
    String lang = labels.languageTag();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE html>\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""
        + lang
        + "\" xml:lang=\""
        + lang
        + "\">\n<head>\n<meta charset=\"UTF-8\"/>\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        + "<title>"
        + Markup.text(document.title() + " — " + labels.kind(document.kind()))
        + "</title>\n<style>\n"
        + STYLESHEET
        + "</style>\n"
        + (forPdf ? "" : "<style media=\"screen\">\n" + SCREEN_STYLESHEET + "</style>\n")
        + "</head>\n<body>\n"
        + fragment(document, locale, forPdf)
        + "</body>\n</html>\n";
  }

  /**
   * The report alone, one {@code <article class="report">} element (well-formed, SVG namespace
   * declared on each chart), for embedding in the portal; style it with {@link #stylesheet()}.
   */
  public static String fragment(ReportDocument document, Locale locale) {
    return fragment(document, locale, false);
  }

  private static String fragment(ReportDocument document, Locale locale, boolean forPdf) {
    ReportLabels labels = ReportLabels.of(locale);
    StringBuilder html = new StringBuilder(16_384);
    html.append("<article class=\"report\" lang=\"")
        .append(labels.languageTag())
        .append("\" data-testid=\"report\" data-kind=\"")
        .append(Markup.attribute(document.kind()))
        .append("\" data-version=\"")
        .append(document.version())
        .append("\">\n");
    header(html, document, labels);
    if (document.changeNote() != null && !document.changeNote().isBlank()) {
      html.append("<section class=\"report-change\" data-testid=\"report-change-note\">\n<h2>")
          .append(Markup.text(labels.ui("change_note")))
          .append("</h2>\n");
      paragraphs(html, document.changeNote());
      html.append("</section>\n");
    }
    if (!document.summary().isBlank()) {
      html.append("<section class=\"report-summary\" data-testid=\"report-summary\">\n<h2>")
          .append(Markup.text(labels.ui("summary")))
          .append("</h2>\n");
      paragraphs(html, document.summary());
      html.append("</section>\n");
    }
    if (!document.figures().isEmpty()) {
      figures(html, document.figures(), labels);
    }
    for (Table table : document.tables()) {
      table(html, document, table, labels, forPdf);
    }
    html.append("</article>\n");
    return html.toString();
  }

  private static void header(StringBuilder html, ReportDocument document, ReportLabels labels) {
    html.append("<header>\n<p class=\"report-kind\">")
        .append(Markup.text(labels.kind(document.kind())))
        .append(" · ")
        .append(Markup.text(document.subject()))
        .append("</p>\n<h1 data-testid=\"report-title\">")
        .append(Markup.text(document.title()))
        .append("</h1>\n<p class=\"report-meta\">")
        .append(Markup.text(labels.ui("version", String.valueOf(document.version()))))
        .append(" · ");
    if (document.publishedAt() != null) {
      html.append(Markup.text(labels.ui("published", labels.dateTime(document.publishedAt()))));
    } else {
      html.append(Markup.text(labels.ui("draft")));
    }
    if (document.generatedAt() != null) {
      html.append(" · ")
          .append(Markup.text(labels.ui("generated", labels.dateTime(document.generatedAt()))));
    }
    html.append("</p>\n</header>\n");
  }

  /** Plain text as paragraphs: blank lines separate paragraphs, single line breaks are kept. */
  private static void paragraphs(StringBuilder html, String text) {
    for (String paragraph : text.strip().split("\\R\\s*\\R")) {
      html.append("<p>")
          .append(String.join("<br/>", Markup.text(paragraph.strip()).split("\n")))
          .append("</p>\n");
    }
  }

  private static void figures(StringBuilder html, List<Figure> figures, ReportLabels labels) {
    html.append("<section class=\"report-figures\">\n<h2>")
        .append(Markup.text(labels.ui("figures")))
        .append("</h2>\n<dl class=\"figures\">\n");
    for (Figure figure : figures) {
      html.append("<div class=\"figure\" data-figure=\"")
          .append(Markup.attribute(figure.id()))
          .append("\"><dt>")
          .append(Markup.text(labels.figure(figure.id())))
          .append("</dt><dd")
          .append(figure.value() == null ? " class=\"missing\"" : "")
          .append(">")
          .append(Markup.text(labels.format(figure.type(), figure.value())))
          .append("</dd></div>\n");
    }
    html.append("</dl>\n</section>\n");
  }

  private static void table(
      StringBuilder html,
      ReportDocument document,
      Table table,
      ReportLabels labels,
      boolean forPdf) {
    String label = labels.table(table.id());
    html.append("<section class=\"report-table\" id=\"report-table-")
        .append(Markup.token(table.id()))
        .append("\" data-table=\"")
        .append(Markup.attribute(table.id()))
        .append("\">\n<h2 id=\"report-table-")
        .append(Markup.token(table.id()))
        .append("-label\">")
        .append(Markup.text(label))
        .append("</h2>\n");
    for (Chart chart : document.charts()) {
      if (chart.tableId().equals(table.id()) && !table.rows().isEmpty()) {
        html.append("<figure class=\"report-chart\" data-chart=\"")
            .append(Markup.attribute(chart.id()))
            .append("\">\n")
            .append(ReportChart.svg(chart, table, labels))
            .append("\n<figcaption>")
            .append(Markup.text(labels.chart(chart.id())))
            .append("</figcaption>\n</figure>\n");
      }
    }
    if (table.rows().isEmpty()) {
      html.append("<p class=\"missing\">")
          .append(Markup.text(labels.ui("no_rows")))
          .append("</p>\n");
      html.append("</section>\n");
      return;
    }
    html.append("<div class=\"table-wrap\">\n<table aria-labelledby=\"report-table-")
        .append(Markup.token(table.id()))
        .append("-label\">\n<thead>\n<tr>");
    for (Column column : table.columns()) {
      html.append("<th scope=\"col\"")
          .append(numeric(column.type()) ? " class=\"num\"" : "")
          .append(">")
          .append(Markup.text(labels.column(table.id(), column.id())))
          .append("</th>");
    }
    html.append("</tr>\n</thead>\n<tbody>\n");
    for (List<Object> row : table.rows()) {
      html.append("<tr>");
      for (int c = 0; c < table.columns().size(); c++) {
        cell(html, table.columns().get(c), row.get(c), c == 0, labels, forPdf);
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void cell(
      StringBuilder html,
      Column column,
      Object value,
      boolean rowHeader,
      ReportLabels labels,
      boolean forPdf) {
    String tag = rowHeader ? "th" : "td";
    html.append('<').append(tag);
    if (rowHeader) {
      html.append(" scope=\"row\"");
    }
    String cssClass = numeric(column.type()) ? "num" : null;
    if (value == null) {
      cssClass = cssClass == null ? "missing" : cssClass + " missing";
    }
    if (cssClass != null) {
      html.append(" class=\"").append(cssClass).append('"');
    }
    html.append('>');
    String shown = labels.format(column.type(), value);
    if (column.type() == ValueType.LINK
        && value != null
        && (forPdf ? webLink(value.toString()) : safeLink(value.toString()))) {
      html.append("<a href=\"")
          .append(Markup.attribute(value.toString()))
          .append("\">")
          .append(Markup.text(shown))
          .append("</a>");
    } else {
      html.append(Markup.text(shown));
    }
    html.append("</").append(tag).append(">");
  }

  private static boolean numeric(ValueType type) {
    return type == ValueType.INTEGER || type == ValueType.DECIMAL || type == ValueType.PERCENT;
  }

  private static boolean webLink(String link) {
    String lower = link.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  /** Only web links and portal-relative links become anchors; anything else stays text. */
  static boolean safeLink(String link) {
    if (webLink(link)) {
      return true;
    }
    String lower = link.strip().toLowerCase(Locale.ROOT);
    return !lower.contains(":") || lower.indexOf(':') > lower.indexOf('/') && lower.contains("/");
  }
}
