package org.tribune.reports.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribune.platform.entity.DomainException;
import org.tribune.reports.control.ReportLabels;
import org.tribune.reports.control.ReportPdf;
import org.tribune.reports.entity.ReportDocument;

/**
 * Renders reports as PDF and picks the reader's language. A published version never changes, so its
 * PDF per language is kept in a small in-memory cache (keyed by the document's SHA-256): a PDF
 * costs a second or more of CPU, and a newly published report is what everybody downloads at once.
 */
@ApplicationScoped
public class ReportRenderings {

  static final int CACHED_PDFS = 16;
  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  private final Map<String, byte[]> pdfs =
      new LinkedHashMap<>(CACHED_PDFS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > CACHED_PDFS;
        }
      };

  public byte[] pdf(ReportDocument document, String sha256, Locale locale) {
    Locale language = ReportLabels.supported(locale);
    String key = sha256 + "|" + language.toLanguageTag();
    if (sha256 != null) {
      synchronized (pdfs) {
        byte[] cached = pdfs.get(key);
        if (cached != null) {
          return cached;
        }
      }
    }
    byte[] pdf = ReportPdf.render(document, language);
    if (sha256 != null) {
      synchronized (pdfs) {
        pdfs.put(key, pdf);
      }
    }
    return pdf;
  }

  /**
   * The language to render in: {@code ?lang=} when given (en or zh-CN; zh means zh-CN), else the
   * first of the request's Accept-Language that reports speak, else English.
   */
  static Locale language(String lang, List<Locale> acceptable) {
    if (lang != null && !lang.isBlank()) {
      Locale asked = Locale.forLanguageTag(lang.strip());
      if (!asked.getLanguage().equals("en") && !asked.getLanguage().equals("zh")) {
        throw DomainException.invalid("lang", "en or zh-CN");
      }
      return ReportLabels.supported(asked);
    }
    for (Locale l : acceptable == null ? List.<Locale>of() : acceptable) {
      if (l.getLanguage().equals("zh") || l.getLanguage().equals("en")) {
        return ReportLabels.supported(l);
      }
    }
    return Locale.ENGLISH;
  }
}
