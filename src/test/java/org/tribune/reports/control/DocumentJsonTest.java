package org.tribune.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Column;
import org.tribune.reports.entity.ReportDocument.Table;
import org.tribune.reports.entity.ReportDocument.ValueType;

class DocumentJsonTest {

  @Test
  void canonicalTextRoundTripsAndSortsKeys() {
    ReportDocument d =
        WeeklyReport.generate(ReportGeneratorsTest.weekly(), ReportGeneratorsTest.NOW);
    String text = DocumentJson.text(d);
    assertTrue(text.startsWith("{\"changeNote\":null,\"charts\":["), text);
    ReportDocument back = DocumentJson.parse(text);
    assertEquals(d, back);
    assertEquals(text, DocumentJson.text(back));
    assertEquals(64, DocumentJson.sha256(text).length());
  }

  @Test
  void stringsAreEscapedAsRfc8785Does() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001é中\"", DocumentJson.write("a\"b\\c\n\u0001é中"));
    assertEquals(
        "{\"a\":1,\"b\":[0.50,null]}",
        DocumentJson.write(
            Map.of("b", java.util.Arrays.asList(new java.math.BigDecimal("0.50"), null), "a", 1L)));
  }

  @Test
  void csvFollowsRfc4180() {
    Table t =
        new Table(
            "t",
            List.of(new Column("name", ValueType.TEXT), new Column("n", ValueType.DECIMAL)),
            List.of(
                java.util.Arrays.asList("plain", new java.math.BigDecimal("1.50")),
                java.util.Arrays.asList("a, \"quoted\"\nline", null)));
    assertEquals("name,n\r\nplain,1.50\r\n\"a, \"\"quoted\"\"\nline\",\r\n", OpenData.csv(t));
  }

  @Test
  void bundleHoldsTheDocumentEveryTableTheSchemaAndReadme() throws Exception {
    ReportDocument d =
        WeeklyReport.generate(ReportGeneratorsTest.weekly(), ReportGeneratorsTest.NOW);
    String canonical = DocumentJson.text(d);
    byte[] zip = OpenData.bundle(d, canonical, DocumentJson.sha256(canonical), List.of());
    Map<String, String> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertEquals(canonical, files.get("document.json"));
    assertTrue(files.containsKey("schema.json"));
    assertTrue(files.get("README.txt").contains(DocumentJson.sha256(canonical)));
    for (Table t : d.tables()) {
      assertEquals(OpenData.csv(t), files.get("tables/" + t.id() + ".csv"));
      assertEquals(OpenData.json(t), files.get("tables/" + t.id() + ".json"));
    }
    assertEquals(3 + 2 * d.tables().size(), files.size());
    // the same version always zips to the same bytes
    assertEquals(
        java.util.HexFormat.of().formatHex(zip),
        java.util.HexFormat.of()
            .formatHex(OpenData.bundle(d, canonical, DocumentJson.sha256(canonical), List.of())));
  }
}
