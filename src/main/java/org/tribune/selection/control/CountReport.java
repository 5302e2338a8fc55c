package org.tribune.selection.control;

import java.util.List;

/**
 * A finished count as plain text, laid out like OpenSTV's text report: one line of votes per round,
 * a line of keep factors under it, then what the round did, so that it can be compared line by line
 * with OpaVote's published count.
 */
public final class CountReport {

  private CountReport() {}

  public static String render(ElectionResult result) {
    CountOptions o = result.options();
    StringBuilder out = new StringBuilder();
    out.append("Meek STV count: ").append(result.title()).append('\n');
    out.append("Seats: ").append(result.seats());
    out.append("  Valid ballots: ").append(result.validBallots());
    out.append("  Precision: ").append(o.precision()).append(" decimals\n");
    out.append("Threshold: ")
        .append(o.thresholdFormula())
        .append(o.dynamicThreshold() ? ", dynamic" : ", static")
        .append(o.fractionalThreshold() ? ", fractional" : ", whole")
        .append("  Weak ties: ")
        .append(o.weakTieBreak())
        .append("  Surplus limit: ")
        .append(result.format(o.surplusLimit()))
        .append("  Seed: \"")
        .append(o.seed())
        .append("\"\n");
    if (!result.withdrawn().isEmpty()) {
      out.append("Withdrawn: ").append(names(result, result.withdrawn())).append('\n');
    }
    out.append('\n');

    int width = 12;
    for (String name : result.candidates()) {
      width = Math.max(width, name.length() + 1);
    }
    out.append(pad("Round", 6));
    for (String name : result.candidates()) {
      out.append(pad(name, width));
    }
    out.append(pad("Exhausted", width))
        .append(pad("Surplus", width))
        .append(pad("Threshold", width))
        .append('\n');
    for (ElectionResult.Round round : result.rounds()) {
      out.append(pad(String.valueOf(round.number()), 6));
      for (int c = 0; c < result.candidates().size(); c++) {
        out.append(pad(result.format(round.votes().get(c)), width));
      }
      out.append(pad(result.format(round.exhausted()), width))
          .append(pad(result.format(round.surplus()), width))
          .append(pad(result.format(round.threshold()), width))
          .append('\n');
      out.append(pad("kf", 6));
      for (int c = 0; c < result.candidates().size(); c++) {
        out.append(pad(result.format(round.keepFactors().get(c)), width));
      }
      out.append('\n');
      out.append(pad("", 6)).append(round.message().trim()).append('\n');
    }
    out.append('\n').append("Winners: ").append(names(result, result.winners())).append('\n');
    return out.toString();
  }

  private static String names(ElectionResult result, List<Integer> indexes) {
    return String.join(", ", indexes.stream().map(result.candidates()::get).toList());
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : " ".repeat(width - text.length()) + text;
  }
}
