package org.tribune.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Figure;

class ReportPdfTest {

  private final ReportDocument report = ReportFixture.weekly();

  @Test
  void theEnglishPdfContainsTheFiguresLabelsAndChineseFreeText() throws IOException {
    String text = text(ReportPdf.render(report, Locale.ENGLISH));
    ReportLabels labels = ReportLabels.of(Locale.ENGLISH);
    for (Figure figure : report.figures()) {
      assertContains(text, labels.figure(figure.id()));
      assertContains(text, labels.format(figure.type(), figure.value()));
    }
    assertContains(text, "98,765");
    assertContains(text, "62.5%");
    assertContains(text, "Top ideas");
    assertContains(text, "Votes this week");
    assertContains(text, "1,234");
    assertContains(text, "45.6%");
    assertContains(text, "4.25");
    assertContains(text, "Weekly report");
    assertContains(text, ReportFixture.ENGLISH_TITLE);
    assertContains(text, ReportFixture.CHINESE_TITLE);
    assertContains(text, ReportFixture.CHINESE_SUMMARY);
  }

  /**
   * A published version's PDF is served with a strong ETag (the SHA-256 of its bytes), and every
   * instance renders it independently: the same document must give the same bytes.
   */
  @Test
  void theSameDocumentRendersToTheSameBytes() {
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        ReportPdf.render(report, Locale.SIMPLIFIED_CHINESE),
        ReportPdf.render(report, Locale.SIMPLIFIED_CHINESE));
  }

  @Test
  void theChinesePdfHasChineseLabelsAndTheSameFigures() throws IOException {
    String text = text(ReportPdf.render(report, Locale.SIMPLIFIED_CHINESE));
    assertContains(text, "周报");
    assertContains(text, "投票数");
    assertContains(text, "热门建议");
    assertContains(text, "本周票数");
    assertContains(text, "样本过少");
    assertContains(text, "98,765");
    assertContains(text, "1,234");
    assertContains(text, ReportFixture.CHINESE_TITLE);
    assertContains(text, ReportFixture.CHINESE_SUMMARY);
  }

  @Test
  void everyFontIsEmbeddedAsASubsetOfNotoSansSc() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(ReportPdf.render(report, Locale.SIMPLIFIED_CHINESE))) {
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        collect(page.getResources(), fonts);
      }
      assertFalse(fonts.isEmpty());
      for (PDFont font : fonts) {
        assertTrue(font.isEmbedded(), font.getName() + " is embedded");
        assertTrue(font instanceof PDType0Font, font.getName() + " is a composite font");
        assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansSC.*"), font.getName());
        assertTrue(
            ((PDType0Font) font)
                    .getDescendantFont()
                    .getFontDescriptor()
                    .getCOSObject()
                    .getCOSStream(COSName.FONT_FILE2)
                != null,
            "TrueType program embedded");
      }
    }
  }

  @Test
  void aPdfIsSmallBecauseOnlyTheUsedGlyphsAreEmbedded() {
    byte[] pdf = ReportPdf.render(report, Locale.ENGLISH);
    assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(pdf.length < 1_000_000, "a subset, not the 10 MB font: " + pdf.length);
  }

  private static void collect(PDResources resources, List<PDFont> fonts) throws IOException {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      fonts.add(resources.getFont(name));
    }
    for (COSName name : resources.getXObjectNames()) {
      if (resources.getXObject(name)
          instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
        collect(form.getResources(), fonts);
      }
    }
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Compared without white space: the PDF wraps long cells and titles across lines. */
  private static void assertContains(String text, String expected) {
    String flat = text.replaceAll("\\s+", "");
    assertTrue(
        flat.contains(expected.replaceAll("\\s+", "")),
        () -> "PDF text lacks «" + expected + "»:\n" + text);
  }
}
