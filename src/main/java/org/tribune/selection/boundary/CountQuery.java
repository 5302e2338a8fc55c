package org.tribune.selection.boundary;

import java.util.Locale;
import org.tribune.platform.entity.DomainException;
import org.tribune.selection.control.CountOptions;

/**
 * The count options as OpaVote names them in its query string and report ({@code prec}, {@code
 * thresholdFormula=Droop|Hare}, {@code dynamicThreshold=Dynamic|Static}, {@code
 * fractionalThreshold=Fractional|Whole}, {@code weakTieBreakMethod=Backward|Forward|Random}, {@code
 * seed}); values are matched ignoring case, and anything else is a 400 naming the parameter.
 */
final class CountQuery {

  private CountQuery() {}

  static CountOptions options(
      String prec,
      String thresholdFormula,
      String dynamicThreshold,
      String fractionalThreshold,
      String weakTieBreakMethod,
      String seed) {
    CountOptions defaults = CountOptions.opaVote(seed);
    int precision = defaults.precision();
    if (prec != null) {
      try {
        precision = Integer.parseInt(prec.trim());
      } catch (NumberFormatException e) {
        precision = -1;
      }
      if (precision < 0 || precision > 9) {
        throw DomainException.invalid("prec", "must be a whole number from 0 to 9");
      }
    }
    CountOptions.ThresholdFormula formula =
        switch (choice("thresholdFormula", thresholdFormula, "droop", "droop", "hare")) {
          case "hare" -> CountOptions.ThresholdFormula.HARE;
          default -> CountOptions.ThresholdFormula.DROOP;
        };
    boolean dynamic =
        choice("dynamicThreshold", dynamicThreshold, "dynamic", "dynamic", "static")
            .equals("dynamic");
    boolean fractional =
        choice("fractionalThreshold", fractionalThreshold, "fractional", "fractional", "whole")
            .equals("fractional");
    CountOptions.WeakTieBreak weak =
        switch (choice(
            "weakTieBreakMethod",
            weakTieBreakMethod,
            "backward",
            "backward",
            "forward",
            "random")) {
          case "forward" -> CountOptions.WeakTieBreak.FORWARD;
          case "random" -> CountOptions.WeakTieBreak.RANDOM;
          default -> CountOptions.WeakTieBreak.BACKWARD;
        };
    return new CountOptions(
        precision, formula, dynamic, fractional, weak, defaults.surplusLimit(), seed);
  }

  static String label(CountOptions.WeakTieBreak method) {
    String name = method.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String choice(String name, String value, String fallback, String... allowed) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw DomainException.invalid(
        name,
        "must be one of " + String.join(", ", capitalised(allowed)) + ", not \"" + value + "\"");
  }

  private static String[] capitalised(String[] values) {
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Character.toUpperCase(values[i].charAt(0)) + values[i].substring(1);
    }
    return out;
  }
}
