package org.tribune.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tribune.reports.entity.ReportDocument.ValueType;

class ReportLabelsTest {

  private final ReportLabels english = ReportLabels.of(Locale.ENGLISH);
  private final ReportLabels chinese = ReportLabels.of(Locale.SIMPLIFIED_CHINESE);

  @Test
  void labelsComeFromTheBundleOfTheLanguage() {
    assertEquals("Weekly report", english.kind("weekly"));
    assertEquals("周报", chinese.kind("weekly"));
    assertEquals("Votes cast", english.figure("votes_cast"));
    assertEquals("投票数", chinese.figure("votes_cast"));
    assertEquals("Top ideas", english.table("top_ideas"));
    assertEquals("按时答复比例", chinese.column("departments", "on_time_share"));
  }

  @Test
  void aMissingKeyShowsTheId() {
    assertEquals("brand_new_figure", english.figure("brand_new_figure"));
    assertEquals("brand_new_figure", chinese.figure("brand_new_figure"));
    assertEquals("odd_column", chinese.column("top_ideas", "odd_column"));
  }

  @Test
  void anyChineseLocaleReadsChineseAndEverythingElseEnglish() {
    assertEquals(Locale.SIMPLIFIED_CHINESE, ReportLabels.supported(Locale.forLanguageTag("zh")));
    assertEquals(
        Locale.SIMPLIFIED_CHINESE, ReportLabels.supported(Locale.forLanguageTag("zh-Hans-CN")));
    assertEquals(Locale.ENGLISH, ReportLabels.supported(Locale.GERMAN));
    assertEquals(Locale.ENGLISH, ReportLabels.supported(null));
    assertEquals("zh-CN", chinese.languageTag());
  }

  @Test
  void numbersPercentagesAndDatesFollowTheLanguage() {
    assertEquals("98,765", english.format(ValueType.INTEGER, 98765L));
    assertEquals("45.7%", english.format(ValueType.PERCENT, 0.4567));
    assertEquals("45.7%", chinese.format(ValueType.PERCENT, 0.4567));
    assertEquals("4.20", english.format(ValueType.DECIMAL, new BigDecimal("4.20")));
    assertEquals("sample too small", english.format(ValueType.PERCENT, null));
    assertEquals("样本过少", chinese.format(ValueType.PERCENT, null));
    assertEquals("—", english.format(ValueType.INTEGER, null));
    assertEquals("Nov 23, 2026", english.format(ValueType.DATE, "2026-11-23"));
    assertEquals("2026年11月23日", chinese.format(ValueType.DATE, "2026-11-23"));
    assertEquals(
        "Nov 23, 2026, 9:30 AM UTC", english.dateTime(Instant.parse("2026-11-23T09:30:00Z")));
    assertEquals("not a date", english.format(ValueType.DATE, "not a date"));
  }

  @Test
  void bothBundlesHaveTheSameKeys() throws IOException {
    assertEquals(keys("labels.properties").keySet(), keys("labels_zh_CN.properties").keySet());
  }

  private static Properties keys(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ReportLabels.class.getResourceAsStream("/org/tribune/reports/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
