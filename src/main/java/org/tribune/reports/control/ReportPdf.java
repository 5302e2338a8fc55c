package org.tribune.reports.control;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.logging.Level;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.tribune.reports.entity.ReportDocument;

/**
 * A report as PDF, rendered from the very XHTML of {@link ReportHtml} by openhtmltopdf (PDFBox 3)
 * with the charts' SVG drawn by Batik, so the page and the PDF cannot differ.
 *
 * <p>All text is set in Noto Sans SC (SIL Open Font License 1.1), which covers Latin and Simplified
 * Chinese; it is embedded as a subset, so a PDF carries only the glyphs it uses and shows Chinese
 * free text on any reader. The TrueType file (10 MB) is read from the class path once and kept in
 * memory; font metrics are cached across renders. Rendering needs {@code java.awt} in headless mode
 * only (Batik draws the charts through it), no display and no system fonts.
 */
public final class ReportPdf {

  /** The font family every PDF uses; the page's stylesheet names it first. */
  public static final String FONT_FAMILY = "Noto Sans SC";

  static final String FONT_RESOURCE = "/org/tribune/reports/fonts/NotoSansSC-Regular.ttf";

  private static final FSCacheEx<String, FSCacheValue> FONT_METRICS = new FSDefaultCacheStore();

  static {
    // openhtmltopdf logs every step of every render at INFO; warnings are enough in a server log.
    for (String logger : XRLog.listRegisteredLoggers()) {
      XRLog.setLevel(logger, Level.WARNING);
    }
  }

  private ReportPdf() {}

  /** The report as PDF bytes, in the reader's language as {@link ReportLabels} picks it. */
  public static byte[] render(ReportDocument document, Locale locale) {
    String xhtml = ReportHtml.render(document, locale, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (BatikSVGDrawer svg =
        new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE)) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
      // One regular file for every weight: bold text stays in this font instead of falling
      // through the family list to a built-in, unembedded Helvetica.
      for (int weight : new int[] {400, 700}) {
        builder.useFont(
            Font::stream,
            FONT_FAMILY,
            weight,
            FontStyle.NORMAL,
            true,
            EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG));
      }
      builder.useSVGDrawer(svg);
      builder.withHtmlContent(xhtml, null);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.layout();
        try (PDDocument pdf = renderer.createPDFKeepOpen()) {
          reproducible(pdf, document, language(locale));
          pdf.save(out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("rendering report " + document.subject() + " as PDF", e);
    }
    return Font.TEXT_MAP.repair(out.toByteArray());
  }

  /**
   * Makes the file a function of the document and the language alone, as a strong ETag promises and
   * as two instances rendering the same published version must agree: the creation date is the
   * report's publication (or generation) time instead of the clock, and the trailer's {@code /ID},
   * which PDFBox otherwise derives from the current time, is derived from the canonical document.
   */
  private static void reproducible(PDDocument pdf, ReportDocument document, String language) {
    Instant created =
        document.publishedAt() != null ? document.publishedAt() : document.generatedAt();
    if (created != null) {
      GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      calendar.setTimeInMillis(created.toEpochMilli());
      pdf.getDocumentInformation().setCreationDate(calendar);
    }
    String hash = DocumentJson.sha256(DocumentJson.text(document) + "\n" + language);
    pdf.setDocumentId(Long.parseUnsignedLong(hash.substring(0, 16), 16));
  }

  private static String language(Locale locale) {
    return ReportLabels.supported(locale).toLanguageTag();
  }

  /** The font file, read once on first use and shared: a TrueType font is only ever read. */
  private static final class Font {
    private static final byte[] BYTES = read();
    private static final UnicodeMapRepair TEXT_MAP = new UnicodeMapRepair(BYTES);

    private static byte[] read() {
      try (InputStream in = ReportPdf.class.getResourceAsStream(FONT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "report font " + FONT_RESOURCE + " is missing from the class path");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static InputStream stream() {
      return new ByteArrayInputStream(BYTES);
    }
  }
}
