package org.tribune.reports.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.platform.entity.DomainException;
import org.tribune.reports.control.DocumentJson;
import org.tribune.reports.control.OpenData;
import org.tribune.reports.control.RenderCache;
import org.tribune.reports.control.RenderCache.Rendering;
import org.tribune.reports.control.ReportHtml;
import org.tribune.reports.control.ReportLabels;
import org.tribune.reports.control.ReportPdf;
import org.tribune.reports.entity.Report;
import org.tribune.reports.entity.ReportDocument;

/**
 * Renders published report versions — the printable page, the portal fragment, the PDF, the open
 * data bundle — and picks the reader's language.
 *
 * <p>A published version never changes, so each rendering is made once per (version, format,
 * language) and kept in a bounded in-memory cache ({@link RenderCache}, keyed by the version's
 * SHA-256; {@code tribune.reports.render-cache.entries}, default {@value #DEFAULT_ENTRIES}, and
 * {@code tribune.reports.render-cache.bytes}, default 64 MiB): a PDF costs a second or more of CPU,
 * and a newly published report is what everybody downloads at once. Drafts change, so they are
 * never rendered here.
 */
@ApplicationScoped
public class ReportRenderings {

  static final int DEFAULT_ENTRIES = 64;
  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  /**
   * The formats a published version is rendered in, with their media type and how a browser should
   * treat the file ({@code Content-Disposition}, null for none); the name is part of the cache key.
   */
  enum Format {
    PAGE("text/html;charset=utf-8", null),
    FRAGMENT("text/html;charset=utf-8", null),
    PDF("application/pdf", "inline"),
    BUNDLE("application/zip", "attachment");

    final String type;
    final String disposition;

    Format(String type, String disposition) {
      this.type = type;
      this.disposition = disposition;
    }
  }

  @Inject
  @ConfigProperty(name = "tribune.reports.render-cache.entries", defaultValue = "64")
  int maxEntries;

  @Inject
  @ConfigProperty(name = "tribune.reports.render-cache.bytes", defaultValue = "67108864")
  long maxBytes;

  private RenderCache cache;

  @PostConstruct
  void init() {
    cache = new RenderCache(maxEntries, maxBytes);
  }

  /** A published version in a format and (but for the bundle) a language. */
  Rendering rendering(Report r, Format format, Locale language) {
    return switch (format) {
      case PAGE -> page(r, language);
      case FRAGMENT -> fragment(r, language);
      case PDF -> pdf(r, language);
      case BUNDLE -> bundle(r);
    };
  }

  /** The printable XHTML page of a published version. */
  Rendering page(Report r, Locale language) {
    return render(r, Format.PAGE, language, d -> utf8(ReportHtml.render(d, language)));
  }

  /** The {@code <article>} the portal embeds. */
  Rendering fragment(Report r, Locale language) {
    return render(r, Format.FRAGMENT, language, d -> utf8(ReportHtml.fragment(d, language)));
  }

  Rendering pdf(Report r, Locale language) {
    return render(r, Format.PDF, language, d -> ReportPdf.render(d, language));
  }

  /** The open-data zip, with the PDF in every language (from the cache when already rendered). */
  Rendering bundle(Report r) {
    return render(
        r,
        Format.BUNDLE,
        null,
        d -> {
          List<OpenData.Extra> pdfs = new ArrayList<>();
          for (Locale language : LANGUAGES) {
            pdfs.add(
                new OpenData.Extra(
                    "report-" + language.toLanguageTag() + ".pdf", pdf(r, language).bytes()));
          }
          return OpenData.bundle(d, r.document(), r.sha256(), pdfs);
        });
  }

  RenderCache.Stats stats() {
    return cache.stats();
  }

  private Rendering render(
      Report r, Format format, Locale language, Function<ReportDocument, byte[]> renderer) {
    if (!r.isPublished() || r.sha256() == null) {
      throw new IllegalArgumentException("only published versions are rendered and cached");
    }
    Locale shown = language == null ? null : ReportLabels.supported(language);
    RenderCache.Key key =
        new RenderCache.Key(
            r.sha256(), format.name(), shown == null ? null : shown.toLanguageTag());
    return cache.get(key, () -> renderer.apply(DocumentJson.parse(r.document())));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
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
