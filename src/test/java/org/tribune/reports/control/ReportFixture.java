package org.tribune.reports.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportDocument.Chart;
import org.tribune.reports.entity.ReportDocument.ChartKind;
import org.tribune.reports.entity.ReportDocument.Column;
import org.tribune.reports.entity.ReportDocument.Figure;
import org.tribune.reports.entity.ReportDocument.Table;
import org.tribune.reports.entity.ReportDocument.ValueType;

/**
 * A weekly report with known figures and free text in English and Chinese, including characters
 * that must be escaped.
 */
final class ReportFixture {

  static final String CHINESE_TITLE = "锁屏时钟字体可以自定义";
  static final String CHINESE_SUMMARY = "本周社区投票最多的是锁屏时钟字体。";
  static final String ENGLISH_TITLE = "Dark mode <for> \"all\" apps & widgets";

  private ReportFixture() {}

  static ReportDocument weekly() {
    Table topIdeas =
        new Table(
            "top_ideas",
            List.of(
                new Column("idea", ValueType.INTEGER),
                new Column("title", ValueType.TEXT),
                new Column("votes_this_week", ValueType.INTEGER),
                new Column("solved_share", ValueType.PERCENT),
                new Column("link", ValueType.LINK)),
            List.of(
                row(101L, ENGLISH_TITLE, 1234L, 0.456, "#/ideas/101"),
                row(102L, CHINESE_TITLE, 617L, null, "javascript:alert(1)"),
                row(103L, "Battery saver schedule", 300L, 0.9, "https://example.org/ideas/103")));
    Table builds =
        new Table(
            "builds",
            List.of(
                new Column("device", ValueType.TEXT),
                new Column("build", ValueType.TEXT),
                new Column("mean_stars", ValueType.DECIMAL),
                new Column("previous_mean_stars", ValueType.DECIMAL),
                new Column("halts", ValueType.INTEGER)),
            List.of(
                row("Phone 14", "V14.0.7", new BigDecimal("4.25"), new BigDecimal("3.90"), 0L),
                row("Tablet 6", "V14.0.3", new BigDecimal("3.10"), new BigDecimal("3.60"), 1L)));
    return new ReportDocument(
        "weekly",
        "2026-W47",
        2,
        "Week 47: 本周回顾 & what shipped",
        "The community voted for the lock screen.\n\n" + CHINESE_SUMMARY + "\nSecond line <b>.",
        Instant.parse("2026-11-23T08:00:00Z"),
        Instant.parse("2026-11-23T09:30:00Z"),
        "Corrected the votes of idea 103.",
        List.of(
            new Figure("ideas_submitted", ValueType.INTEGER, 4321L),
            new Figure("votes_cast", ValueType.INTEGER, 98765L),
            new Figure("solved_share", ValueType.PERCENT, 0.625),
            new Figure("on_time_share", ValueType.PERCENT, null)),
        List.of(topIdeas, builds),
        List.of(
            new Chart(
                "top_ideas_votes", ChartKind.BAR, "top_ideas", "title", List.of("votes_this_week")),
            new Chart(
                "build_scores",
                ChartKind.LINE,
                "builds",
                "device",
                List.of("mean_stars", "previous_mean_stars"))));
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
