package org.tribune.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Figure;
import org.tribune.reports.entity.ReportDocument.Table;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportHtmlTest {

  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String SVG = "http://www.w3.org/2000/svg";

  private final ReportDocument report = ReportFixture.weekly();

  @Test
  void thePageIsWellFormedXhtmlInTheReadersLanguage() throws Exception {
    Document page = parse(ReportHtml.render(report, Locale.SIMPLIFIED_CHINESE));
    Element html = page.getDocumentElement();
    assertEquals(XHTML, html.getNamespaceURI());
    assertEquals("zh-CN", html.getAttribute("lang"));
    String text = html.getTextContent();
    assertTrue(text.contains("周报"), "kind label");
    assertTrue(text.contains("第 2 版"), "version line");
    assertTrue(text.contains("本版变更说明"), "change note heading");
    assertTrue(text.contains(ReportFixture.CHINESE_SUMMARY), "summary as written");
    assertTrue(text.contains("热门建议"), "table label");
    assertTrue(text.contains("@media print") && text.contains("@page"), "printable CSS");
  }

  @Test
  void everyFigureAndEveryTableValueIsOnThePage() throws Exception {
    for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      ReportLabels labels = ReportLabels.of(locale);
      Document page = parse(ReportHtml.render(report, locale));
      for (Figure figure : report.figures()) {
        Element box = only(page, "div", "data-figure", figure.id());
        assertEquals(labels.figure(figure.id()), child(box, "dt").getTextContent());
        assertEquals(
            labels.format(figure.type(), figure.value()), child(box, "dd").getTextContent());
      }
      for (Table table : report.tables()) {
        Element section = only(page, "section", "data-table", table.id());
        List<Element> rows = elements(section.getElementsByTagNameNS(XHTML, "tr"));
        assertEquals(table.rows().size() + 1, rows.size(), "header row and one row per row");
        for (int c = 0; c < table.columns().size(); c++) {
          assertEquals(
              labels.column(table.id(), table.columns().get(c).id()),
              cells(rows.get(0)).get(c).getTextContent());
        }
        for (int r = 0; r < table.rows().size(); r++) {
          List<Element> cells = cells(rows.get(r + 1));
          for (int c = 0; c < table.columns().size(); c++) {
            assertEquals(
                labels.format(table.columns().get(c).type(), table.rows().get(r).get(c)),
                cells.get(c).getTextContent(),
                table.id() + " row " + r + " column " + c);
          }
        }
      }
    }
  }

  @Test
  void freeTextIsEscapedAndOnlySafeLinksBecomeAnchors() throws Exception {
    String html = ReportHtml.render(report, Locale.ENGLISH);
    assertFalse(html.contains("<for>"));
    assertFalse(html.contains("<b>"));
    Document page = parse(html);
    assertTrue(page.getDocumentElement().getTextContent().contains(ReportFixture.ENGLISH_TITLE));
    List<String> hrefs = new ArrayList<>();
    for (Element a : elements(page.getElementsByTagNameNS(XHTML, "a"))) {
      hrefs.add(a.getAttribute("href"));
    }
    assertEquals(List.of("#/ideas/101", "https://example.org/ideas/103"), hrefs);
    assertTrue(html.contains("javascript:alert(1)</td>"), "an unsafe link stays text");
  }

  @Test
  void aBarChartHasOneBarPerRowWithHeightsProportionalToTheValues() throws Exception {
    Document page = parse(ReportHtml.render(report, Locale.ENGLISH));
    Element svg = only(page, "svg", "data-chart", "top_ideas_votes");
    assertEquals(SVG, svg.getNamespaceURI());
    assertEquals("Votes this week for the top ideas", child(svg, "title").getTextContent());
    assertTrue(child(svg, "desc").getTextContent().contains("table below"));
    List<Element> bars = new ArrayList<>();
    for (Element rect : elements(svg.getElementsByTagNameNS(SVG, "rect"))) {
      if (rect.getAttribute("class").startsWith("bar")) {
        bars.add(rect);
      }
    }
    Table table = report.table("top_ideas");
    assertEquals(table.rows().size(), bars.size());
    double perVote = height(bars.get(0)) / 1234.0;
    for (int r = 0; r < bars.size(); r++) {
      long votes = (Long) table.rows().get(r).get(2);
      assertEquals(votes * perVote, height(bars.get(r)), 0.02, "bar " + r);
      assertEquals(String.valueOf(r), bars.get(r).getAttribute("data-row"));
      assertTrue(
          child(bars.get(r), "title").getTextContent().endsWith(String.format("%,d", votes)));
    }
    double baseline = Double.parseDouble(bars.get(0).getAttribute("y")) + height(bars.get(0));
    for (Element bar : bars) {
      assertEquals(
          baseline, Double.parseDouble(bar.getAttribute("y")) + height(bar), 0.02, "on the axis");
    }
  }

  @Test
  void aLineChartHasOnePointPerRowAndSeries() throws Exception {
    Document page = parse(ReportHtml.render(report, Locale.ENGLISH));
    Element svg = only(page, "svg", "data-chart", "build_scores");
    assertEquals(2, svg.getElementsByTagNameNS(SVG, "polyline").getLength());
    assertEquals(4, svg.getElementsByTagNameNS(SVG, "circle").getLength());
    Element section = only(page, "section", "data-table", "builds");
    assertTrue(
        section.getTextContent().indexOf("Build scores per device")
            < section.getTextContent().indexOf("V14.0.7"),
        "the chart comes before the table with its numbers");
  }

  @Test
  void theFragmentIsOneWellFormedArticle() throws Exception {
    String fragment = ReportHtml.fragment(report, Locale.ENGLISH);
    Document parsed =
        parse(fragment.replaceFirst("<article ", "<article xmlns=\"" + XHTML + "\" "));
    assertEquals("article", parsed.getDocumentElement().getLocalName());
    assertFalse(fragment.contains("<html"));
    assertTrue(ReportHtml.stylesheet().contains(".report"));
  }

  @Test
  void anEmptyTableSaysSoAndDrawsNoChart() throws Exception {
    ReportDocument empty =
        new ReportDocument(
            "scoreboard",
            "2026-10-01..2026-12-31",
            1,
            "Q4",
            "",
            null,
            null,
            null,
            List.of(),
            List.of(
                new Table(
                    "departments",
                    List.of(
                        new ReportDocument.Column(
                            "on_time_share", ReportDocument.ValueType.PERCENT)),
                    List.of())),
            List.of(
                new ReportDocument.Chart(
                    "on_time_share",
                    ReportDocument.ChartKind.BAR,
                    "departments",
                    "on_time_share",
                    List.of("on_time_share"))));
    Document page = parse(ReportHtml.render(empty, Locale.ENGLISH));
    String text = page.getDocumentElement().getTextContent();
    assertTrue(text.contains("No rows."));
    assertTrue(text.contains("Draft, not published"));
    assertEquals(0, page.getElementsByTagNameNS(SVG, "svg").getLength());
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static double height(Element rect) {
    return Double.parseDouble(rect.getAttribute("height"));
  }

  private static Element only(Document page, String tag, String attribute, String value) {
    List<Element> found = new ArrayList<>();
    for (String ns : List.of(XHTML, SVG)) {
      for (Element e : elements(page.getElementsByTagNameNS(ns, tag))) {
        if (value.equals(e.getAttribute(attribute))) {
          found.add(e);
        }
      }
    }
    assertEquals(1, found.size(), tag + " " + attribute + "=" + value);
    return found.get(0);
  }

  private static Element child(Element parent, String tag) {
    for (Element e : elements(parent.getChildNodes())) {
      if (e.getLocalName().equals(tag)) {
        return e;
      }
    }
    throw new AssertionError("no " + tag + " in " + parent.getLocalName());
  }

  private static List<Element> cells(Element row) {
    List<Element> cells = new ArrayList<>();
    for (Element e : elements(row.getChildNodes())) {
      if (e.getLocalName().equals("td") || e.getLocalName().equals("th")) {
        cells.add(e);
      }
    }
    return cells;
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e) {
        list.add(e);
      }
    }
    return list;
  }
}
