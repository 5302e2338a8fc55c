package org.tribune.reports.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.testsupport.TribuneDeployment;

/**
 * Runs inside the server: the PDF renderer, Batik and the font work with Liberty's class loaders
 * and a headless {@code java.awt}, from the WAR as it ships.
 */
@ExtendWith(ArquillianExtension.class)
class ReportPdfIT {

  @Deployment
  static WebArchive deployment() {
    return TribuneDeployment.war().addClasses(ReportPdfIT.class, ReportFixture.class);
  }

  @Test
  void aChineseReportRendersAsPdfInsideTheServer() throws Exception {
    byte[] pdf = ReportPdf.render(ReportFixture.weekly(), Locale.SIMPLIFIED_CHINESE);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertTrue(text.contains(ReportFixture.CHINESE_TITLE), text);
      assertTrue(text.contains("热门建议"), text);
      assertTrue(text.contains("98,765"), text);
      assertTrue(document.getNumberOfPages() >= 1);
    }
  }
}
