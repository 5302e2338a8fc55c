package org.tribune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribune.selection.control.Quota;
import org.tribune.selection.control.Respondent;
import org.tribune.selection.control.Sortition;
import org.tribune.selection.control.SortitionMethod;
import org.tribune.selection.control.SortitionResult;

/**
 * Measures LEXIMIN (and the legacy baseline) on the 200-volunteer example of Flanigan et al. and on
 * a synthetic pool of 1,000 respondents over 3 categories. Not a test: run it by hand with {@code
 * ./mvnw -o -q test-compile exec:java} or from an IDE (main method); figures go to
 * docs/performance.md.
 */
public final class SortitionBench {

  private SortitionBench() {}

  public static void main(String[] args) {
    List<Respondent> small = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      small.add(
          new Respondent(
              String.valueOf(i),
              Map.of(
                  "gender",
                  i < 100 ? "male" : "female",
                  "leaning",
                  i < 100 || i == 199 ? "conservative" : "liberal")));
    }
    List<Quota> smallQuotas =
        List.of(
            new Quota("gender", "male", 9, 20),
            new Quota("gender", "female", 9, 20),
            new Quota("leaning", "conservative", 9, 20),
            new Quota("leaning", "liberal", 9, 20));
    for (int warm = 0; warm < 3; warm++) {
      Sortition.select(small, smallQuotas, 20, SortitionMethod.LEXIMIN, "warm-" + warm);
    }
    run("200 volunteers, 2 categories, panel 20", small, smallQuotas, 20, SortitionMethod.LEXIMIN);
    run("200 volunteers, legacy x2000", small, smallQuotas, 20, SortitionMethod.LEGACY);

    Random random = new Random(2021);
    String[] ages = {"16-29", "30-44", "45-59", "60+"};
    String[] regions = {"north", "south", "east", "west", "centre"};
    String[] devices = {"phone", "tablet", "tv"};
    double[] ageShare = {0.35, 0.3, 0.2, 0.15};
    List<Respondent> large = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      large.add(
          new Respondent(
              String.valueOf(i),
              Map.of(
                  "age", pick(random, ages, ageShare),
                  "region", regions[random.nextInt(regions.length)],
                  "device",
                      devices[
                          Math.min(2, (int) (random.nextDouble() * random.nextDouble() * 4))])));
    }
    List<Quota> largeQuotas = new ArrayList<>();
    for (String a : ages) {
      largeQuotas.add(new Quota("age", a, 6, 9));
    }
    for (String r : regions) {
      largeQuotas.add(new Quota("region", r, 5, 7));
    }
    largeQuotas.add(new Quota("device", "phone", 10, 20));
    largeQuotas.add(new Quota("device", "tablet", 6, 15));
    largeQuotas.add(new Quota("device", "tv", 4, 10));
    run(
        "1,000 respondents, 3 categories, panel 30",
        large,
        largeQuotas,
        30,
        SortitionMethod.LEXIMIN);
    run("1,000 respondents, legacy x2000", large, largeQuotas, 30, SortitionMethod.LEGACY);
  }

  private static String pick(Random random, String[] values, double[] share) {
    double x = random.nextDouble();
    for (int i = 0; i < values.length; i++) {
      x -= share[i];
      if (x < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private static void run(
      String name, List<Respondent> pool, List<Quota> quotas, int size, SortitionMethod method) {
    long start = System.nanoTime();
    SortitionResult result = Sortition.select(pool, quotas, size, method, "bench");
    long millis = (System.nanoTime() - start) / 1_000_000;
    double max = result.probabilities().values().stream().mapToDouble(d -> d).max().orElse(0);
    System.out.printf(
        "%-45s %6d ms  min %.6f  max %.6f  panels %d%n",
        name, millis, result.minimum(), max, result.panels().size());
  }
}
