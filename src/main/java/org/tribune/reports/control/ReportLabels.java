package org.tribune.reports.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.tribune.reports.entity.ReportDocument.ValueType;

/**
 * The words and number formats of a report in one language. A {@code ReportDocument} carries only
 * ids; this turns them into labels from {@code labels.properties} (English) and {@code
 * labels_zh_CN.properties} (Simplified Chinese), both UTF-8. A key missing in Chinese falls back to
 * English, and one missing in both shows the id itself, so a new table is readable before anyone
 * has named it.
 *
 * <p>Key scheme: {@code kind.<kind>}, {@code figure.<id>}, {@code table.<id>}, {@code
 * column.<table>.<column>} before {@code column.<column>}, {@code chart.<id>}, {@code ui.<word>}.
 *
 * <p>Instances are immutable and shared per language ({@link #of(Locale)}).
 */
public final class ReportLabels {

  /** What a value below the minimum sample (a {@code null} percentage) shows. */
  public static final String NOT_SHOWN_KEY = "ui.sample_too_small";

  private static final String BUNDLE = "/org/tribune/reports/labels";
  private static final Map<Locale, ReportLabels> BY_LOCALE = new ConcurrentHashMap<>();

  private final Locale locale;
  private final Properties words;

  private ReportLabels(Locale locale, Properties words) {
    this.locale = locale;
    this.words = words;
  }

  /**
   * The labels for a reader's language: Chinese (any {@code zh} locale) or English (everything
   * else).
   */
  public static ReportLabels of(Locale requested) {
    Locale locale = supported(requested);
    return BY_LOCALE.computeIfAbsent(locale, ReportLabels::load);
  }

  /** The language a report is shown in for a requested locale: en or zh-CN. */
  public static Locale supported(Locale requested) {
    if (requested != null && "zh".equals(requested.getLanguage())) {
      return Locale.SIMPLIFIED_CHINESE;
    }
    return Locale.ENGLISH;
  }

  private static ReportLabels load(Locale locale) {
    Properties english = read(BUNDLE + ".properties", null);
    if (locale.equals(Locale.ENGLISH)) {
      return new ReportLabels(locale, english);
    }
    return new ReportLabels(locale, read(BUNDLE + "_" + locale + ".properties", english));
  }

  private static Properties read(String resource, Properties defaults) {
    Properties properties = new Properties(defaults);
    try (InputStream in = ReportLabels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing report labels " + resource);
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  public Locale locale() {
    return locale;
  }

  /** The BCP 47 tag for {@code lang} attributes: {@code en} or {@code zh-CN}. */
  public String languageTag() {
    return locale.toLanguageTag();
  }

  /** The label of a key, or {@code fallback} when neither language has it. */
  public String label(String key, String fallback) {
    return words.getProperty(key, fallback);
  }

  /** A {@code ui.<word>} text with its {@code {0}} placeholders filled in. */
  public String ui(String word, Object... arguments) {
    String pattern = label("ui." + word, word);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }

  public String kind(String kind) {
    return label("kind." + kind, kind);
  }

  public String figure(String id) {
    return label("figure." + id, id);
  }

  public String table(String id) {
    return label("table." + id, id);
  }

  public String column(String tableId, String columnId) {
    return label("column." + tableId + "." + columnId, label("column." + columnId, columnId));
  }

  public String chart(String id) {
    return label("chart." + id, id);
  }

  /**
   * A value as the reader sees it: numbers with this language's grouping, fractions as percentages,
   * ISO dates as local dates; text as written. {@code null} shows {@code "—"}, except a percentage,
   * which is only ever null when its sample is too small.
   */
  public String format(ValueType type, Object value) {
    if (value == null) {
      return type == ValueType.PERCENT ? ui("sample_too_small") : "—";
    }
    return switch (type) {
      case INTEGER -> value instanceof Number n ? integer(n) : value.toString();
      case DECIMAL -> value instanceof Number n ? decimal(n) : value.toString();
      case PERCENT -> value instanceof Number n ? percent(n) : value.toString();
      case DATE -> date(value);
      case TEXT, LINK -> value.toString();
    };
  }

  public String integer(Number value) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }

  /**
   * A decimal with the precision it was computed with: a BigDecimal keeps its scale, a double shows
   * up to two decimals.
   */
  public String decimal(Number value) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    if (value instanceof BigDecimal big) {
      int scale = Math.max(0, big.scale());
      format.setMinimumFractionDigits(scale);
      format.setMaximumFractionDigits(scale);
      return format.format(big);
    }
    format.setMaximumFractionDigits(2);
    return format.format(value.doubleValue());
  }

  /** A fraction 0..1 as a percentage with one decimal: 0.4567 shows 45.7%. */
  public String percent(Number fraction) {
    NumberFormat format = NumberFormat.getPercentInstance(locale);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(
        fraction instanceof BigDecimal big ? big.doubleValue() : fraction.doubleValue());
  }

  /** An instant as a date and time in UTC, a date as a date; anything unparseable as written. */
  public String date(Object value) {
    if (value instanceof Instant instant) {
      return dateTime(instant);
    }
    if (value instanceof LocalDate day) {
      return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }
    String text = value.toString();
    try {
      if (text.length() == 10) {
        return date(LocalDate.parse(text));
      }
      return dateTime(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return text;
    }
  }

  public String dateTime(Instant instant) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(ZoneOffset.UTC)
            .format(instant)
        + " UTC";
  }
}
