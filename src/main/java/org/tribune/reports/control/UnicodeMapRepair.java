package org.tribune.reports.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeBlock;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Makes Chinese text copy and search as the characters it shows. In Noto Sans SC one glyph often
 * serves two code points, a unified ideograph (自 U+81EA) and a Kangxi or CJK radical (⾃ U+2F83)
 * that looks the same; PDFBox writes a subset font's ToUnicode map with the lowest code point of
 * each glyph, which is the radical, so a reader copying 自定义 gets ⾃定义. This rewrites the ToUnicode
 * map of every embedded subset of the font, preferring for each glyph a code point that is neither
 * a radical nor a compatibility ideograph.
 */
final class UnicodeMapRepair {

  private static final Set<UnicodeBlock> LOOK_ALIKES =
      Set.of(
          UnicodeBlock.KANGXI_RADICALS,
          UnicodeBlock.CJK_RADICALS_SUPPLEMENT,
          UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS,
          UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS_SUPPLEMENT);

  /** For each glyph id of the font, the code point text should read as, or -1. */
  private final int[] codePointOfGlyph;

  private final String fontName;

  UnicodeMapRepair(byte[] trueTypeFont) {
    try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(trueTypeFont))) {
      fontName = font.getName();
      CmapLookup cmap = font.getUnicodeCmapLookup();
      codePointOfGlyph = new int[font.getNumberOfGlyphs()];
      for (int gid = 0; gid < codePointOfGlyph.length; gid++) {
        codePointOfGlyph[gid] = preferred(cmap.getCharCodes(gid));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the report font's character map", e);
    }
  }

  static int preferred(List<Integer> codePoints) {
    if (codePoints == null || codePoints.isEmpty()) {
      return -1;
    }
    for (int codePoint : codePoints) {
      if (!LOOK_ALIKES.contains(UnicodeBlock.of(codePoint))) {
        return codePoint;
      }
    }
    return codePoints.get(0);
  }

  /** The PDF with the font's ToUnicode maps rebuilt; other fonts are left as they are. */
  byte[] repair(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (PDPage page : document.getPages()) {
        repair(document, page.getResources(), seen);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("rewriting the report PDF's text map", e);
    }
  }

  private void repair(PDDocument document, PDResources resources, Set<COSDictionary> seen)
      throws IOException {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      COSDictionary font = resources.getFont(name).getCOSObject();
      if (seen.add(font)) {
        repairFont(document, font);
      }
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject object = resources.getXObject(name);
      if (object instanceof PDFormXObject form) {
        repair(document, form.getResources(), seen);
      }
    }
  }

  private void repairFont(PDDocument document, COSDictionary font) throws IOException {
    String baseFont = font.getNameAsString(COSName.BASE_FONT);
    if (!COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))
        || baseFont == null
        || !baseFont.endsWith("+" + fontName)
        || !(font.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof COSArray descendants)
        || !(descendants.getObject(0) instanceof COSDictionary cidFont)
        || !(cidFont.getDictionaryObject(COSName.CID_TO_GID_MAP) instanceof COSStream map)) {
      return;
    }
    // A subset keeps the original glyph ids as CIDs; CIDToGIDMap lists the ones in use.
    byte[] cidToGid;
    try (InputStream in = map.createInputStream()) {
      cidToGid = in.readAllBytes();
    }
    StringBuilder entries = new StringBuilder();
    int count = 0;
    StringBuilder cmap = new StringBuilder(header());
    for (int cid = 1; cid < cidToGid.length / 2 && cid < codePointOfGlyph.length; cid++) {
      int gid = (cidToGid[2 * cid] & 0xff) << 8 | cidToGid[2 * cid + 1] & 0xff;
      int codePoint = codePointOfGlyph[cid];
      if (gid == 0 || codePoint < 0) {
        continue;
      }
      entries.append(String.format("<%04X> <%s>\n", cid, utf16(codePoint)));
      if (++count == 100) {
        cmap.append(block(count, entries));
        entries.setLength(0);
        count = 0;
      }
    }
    if (count > 0) {
      cmap.append(block(count, entries));
    }
    cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    COSStream toUnicode = document.getDocument().createCOSStream();
    try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
    }
    font.setItem(COSName.TO_UNICODE, (COSBase) toUnicode);
  }

  private static String header() {
    return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  }

  private static String block(int count, CharSequence entries) {
    return count + " beginbfchar\n" + entries + "endbfchar\n";
  }

  private static String utf16(int codePoint) {
    StringBuilder hex = new StringBuilder();
    for (char c : Character.toChars(codePoint)) {
      hex.append(String.format("%04X", (int) c));
    }
    return hex.toString();
  }
}
