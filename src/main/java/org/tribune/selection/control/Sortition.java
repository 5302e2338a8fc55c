package org.tribune.selection.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribune.platform.entity.DomainException;

/**
 * Stratified sortition: a panel of {@code size} respondents that meets every quota, drawn with the
 * published seed from a distribution that is as fair as possible to every respondent.
 *
 * <pre>
 * SortitionResult r = Sortition.select(respondents, quotas, 20, SortitionMethod.LEXIMIN, seed);
 * r.panel();          // the drawn ids
 * r.probabilities();  // every respondent's chance of being on the panel
 * r.panels();         // the distribution the panel was drawn from
 * </pre>
 *
 * <p>LEXIMIN ({@link Leximin}) computes the distribution; the draw then takes {@code v =
 * SeededDraw(seed).below(1_000_000_000)} and the first panel in {@code panels} whose cumulative
 * probability exceeds {@code v / 10^9}, so anyone can redo it from the published list. LEGACY
 * ({@link LegacySelection}) draws its panel with the same {@link SeededDraw} stream and estimates
 * probabilities from {@link Limits#legacyRuns} seeded repetitions (the drawn run included).
 *
 * <p>Quotas that cannot all be met are a 422 {@code sortition-infeasible} naming the quota (or
 * category) at fault when one can be singled out: a minimum above the panel size or above the
 * number of respondents who have the feature, a category whose minimums exceed or whose maximums
 * fall short of the panel size, or else the first quota whose removal makes an integer program
 * feasible. Work is bounded ({@link Limits}): at most {@link #MAX_RESPONDENTS} respondents and
 * {@link #MAX_TYPES} distinct feature combinations, and LEXIMIN stops with a 422 {@code
 * sortition-too-complex} when its time budget (30 s by default) runs out. On the shared 2-core
 * development machine the 200-volunteer example takes about 0.2 s and 1,000 respondents over 3
 * categories (60 combinations) about 12 s ({@code org.tribune.bench.SortitionBench}).
 */
public final class Sortition {

  public static final int MAX_RESPONDENTS = 5_000;
  public static final int MAX_QUOTAS = 200;

  /** Distinct feature combinations LEXIMIN will work with (each is a variable in every program). */
  public static final int MAX_TYPES = 400;

  private static final int LEGACY_ATTEMPTS = 200;
  private static final long DRAW_SCALE = 1_000_000_000L;

  /**
   * Bounds on the work one selection may do.
   *
   * @param leximinMillis wall-clock budget for LEXIMIN's column generation
   * @param legacyRuns how many repetitions estimate the LEGACY probabilities
   */
  public record Limits(long leximinMillis, int legacyRuns) {
    public static final Limits DEFAULT = new Limits(30_000, 2_000);
  }

  private Sortition() {}

  public static SortitionResult select(
      List<Respondent> respondents,
      List<Quota> quotas,
      int size,
      SortitionMethod method,
      String seed) {
    return select(respondents, quotas, size, method, seed, Limits.DEFAULT);
  }

  public static SortitionResult select(
      List<Respondent> respondents,
      List<Quota> quotas,
      int size,
      SortitionMethod method,
      String seed,
      Limits limits) {
    validate(respondents, quotas, size);
    PanelModel model = new PanelModel(respondents, quotas, size);
    if (model.types() > MAX_TYPES) {
      throw DomainException.unprocessable(
          "sortition-too-complex",
          "Too many kinds of respondent",
          "the respondents have "
              + model.types()
              + " distinct combinations of features; at most "
              + MAX_TYPES
              + " are supported");
    }
    checkFeasible(model, respondents.size());
    return method == SortitionMethod.LEGACY
        ? legacy(respondents, quotas, size, seed, limits.legacyRuns())
        : leximin(respondents, model, size, seed, limits.leximinMillis());
  }

  private static SortitionResult leximin(
      List<Respondent> respondents, PanelModel model, int size, String seed, long budget) {
    List<Leximin.Mix> mixes = Leximin.solve(model, budget);
    double[] byType = new double[model.types()];
    for (Leximin.Mix mix : mixes) {
      for (int t = 0; t < model.types(); t++) {
        byType[t] += mix.probability() * mix.profile()[t] / model.count(t);
      }
    }
    double[] byRespondent = new double[respondents.size()];
    for (int t = 0; t < model.types(); t++) {
      for (int i : model.members.get(t)) {
        byRespondent[i] = byType[t];
      }
    }
    List<Leximin.Realised> realised = Leximin.realise(model, mixes);
    long v = new SeededDraw(seed).below((int) DRAW_SCALE);
    double target = (double) v / DRAW_SCALE;
    double cumulative = 0;
    Leximin.Realised chosen = realised.get(realised.size() - 1);
    for (Leximin.Realised panel : realised) {
      cumulative += panel.probability();
      if (cumulative > target) {
        chosen = panel;
        break;
      }
    }
    List<SortitionResult.WeightedPanel> panels = new ArrayList<>();
    for (Leximin.Realised panel : realised) {
      panels.add(
          new SortitionResult.WeightedPanel(
              panel.probability(), ids(respondents, panel.members())));
    }
    return new SortitionResult(
        SortitionMethod.LEXIMIN,
        size,
        seed,
        probabilities(respondents, byRespondent),
        min(byRespondent),
        ids(respondents, chosen.members()),
        panels,
        v,
        0);
  }

  private static SortitionResult legacy(
      List<Respondent> respondents, List<Quota> quotas, int size, String seed, int runs) {
    Map<String, Integer> quotaIndex = new HashMap<>();
    for (int q = 0; q < quotas.size(); q++) {
      quotaIndex.put(quotas.get(q).category() + "\u0000" + quotas.get(q).feature(), q);
    }
    List<String> categories = quotas.stream().map(Quota::category).distinct().toList();
    List<int[]> featuresOf = new ArrayList<>();
    for (Respondent r : respondents) {
      featuresOf.add(
          categories.stream()
              .mapToInt(c -> quotaIndex.get(c + "\u0000" + r.features().get(c)))
              .toArray());
    }
    SeededDraw draw = new SeededDraw(seed);
    long[] chosen = new long[respondents.size()];
    List<Integer> first = null;
    for (int run = 0; run < Math.max(1, runs); run++) {
      List<Integer> panel = null;
      for (int attempt = 0; attempt < LEGACY_ATTEMPTS && panel == null; attempt++) {
        panel = LegacySelection.attempt(featuresOf, quotas, size, draw).orElse(null);
      }
      if (panel == null) {
        throw DomainException.unprocessable(
            "sortition-legacy-failed",
            "The legacy method found no panel",
            "the greedy legacy method failed "
                + LEGACY_ATTEMPTS
                + " times in a row although the quotas can be met; use LEXIMIN");
      }
      if (first == null) {
        first = panel;
      }
      for (int i : panel) {
        chosen[i]++;
      }
    }
    double[] estimate = new double[respondents.size()];
    int n = Math.max(1, runs);
    for (int i = 0; i < estimate.length; i++) {
      estimate[i] = (double) chosen[i] / n;
    }
    return new SortitionResult(
        SortitionMethod.LEGACY,
        size,
        seed,
        probabilities(respondents, estimate),
        min(estimate),
        ids(respondents, first),
        List.of(),
        0,
        n);
  }

  private static void validate(List<Respondent> respondents, List<Quota> quotas, int size) {
    if (respondents.isEmpty()) {
      throw DomainException.invalid("respondents", "there are no respondents");
    }
    if (respondents.size() > MAX_RESPONDENTS) {
      throw new DomainException(
          DomainException.Kind.TOO_LARGE,
          "sortition-too-large",
          "Too many respondents",
          "at most " + MAX_RESPONDENTS + " respondents, got " + respondents.size());
    }
    if (quotas.isEmpty()) {
      throw DomainException.invalid("categories", "there are no quotas");
    }
    if (quotas.size() > MAX_QUOTAS) {
      throw DomainException.invalid("categories", "at most " + MAX_QUOTAS + " quotas");
    }
    if (size < 1 || size > respondents.size()) {
      throw DomainException.invalid(
          "size", "must be between 1 and the number of respondents (" + respondents.size() + ")");
    }
    Set<String> seen = new HashSet<>();
    Map<String, Set<String>> features = new LinkedHashMap<>();
    for (Quota q : quotas) {
      if (q.min() < 0 || q.max() < q.min()) {
        throw DomainException.invalid(
            "categories",
            "quota " + q.label() + ": need 0 <= min <= max, got " + q.min() + ".." + q.max());
      }
      if (!seen.add(q.category() + "\u0000" + q.feature())) {
        throw DomainException.invalid("categories", "quota " + q.label() + " is listed twice");
      }
      features.computeIfAbsent(q.category(), c -> new HashSet<>()).add(q.feature());
    }
    Set<String> ids = new HashSet<>();
    for (Respondent r : respondents) {
      if (!ids.add(r.id())) {
        throw DomainException.invalid("respondents", "id \"" + r.id() + "\" appears twice");
      }
      for (Map.Entry<String, Set<String>> category : features.entrySet()) {
        String value = r.features().get(category.getKey());
        if (value == null || !category.getValue().contains(value)) {
          throw DomainException.invalid(
              "respondents",
              "respondent "
                  + r.id()
                  + ": "
                  + category.getKey()
                  + " \""
                  + (value == null ? "" : value)
                  + "\" is not a feature listed for that category");
        }
      }
    }
  }

  private static void checkFeasible(PanelModel model, int people) {
    List<Quota> quotas = model.quotas;
    int size = model.size;
    for (int q = 0; q < quotas.size(); q++) {
      Quota quota = quotas.get(q);
      int available = 0;
      for (int t = 0; t < model.types(); t++) {
        if (model.inQuota.get(t)[q]) {
          available += model.count(t);
        }
      }
      if (quota.min() > size) {
        throw infeasible(quota, "its minimum " + quota.min() + " exceeds the panel size " + size);
      }
      if (quota.min() > available) {
        throw infeasible(
            quota,
            "its minimum "
                + quota.min()
                + " needs more respondents than the "
                + available
                + " who have it");
      }
    }
    for (String category : quotas.stream().map(Quota::category).distinct().toList()) {
      int mins = 0;
      int maxes = 0;
      for (int q = 0; q < quotas.size(); q++) {
        Quota quota = quotas.get(q);
        if (quota.category().equals(category)) {
          int available = 0;
          for (int t = 0; t < model.types(); t++) {
            if (model.inQuota.get(t)[q]) {
              available += model.count(t);
            }
          }
          mins += quota.min();
          maxes += Math.min(quota.max(), available);
        }
      }
      if (mins > size) {
        throw infeasible(
            category,
            null,
            "the minimums add up to " + mins + ", more than the panel size " + size);
      }
      if (maxes < size) {
        throw infeasible(
            category,
            null,
            "at most "
                + maxes
                + " panel members can be found within the maximums and the respondents, fewer"
                + " than the panel size "
                + size);
      }
    }
    long budget = 10_000;
    if (model.best(null, quotas, budget).isPresent()) {
      return;
    }
    for (int q = 0; q < quotas.size(); q++) {
      List<Quota> relaxed = new ArrayList<>(quotas);
      Quota quota = quotas.get(q);
      relaxed.set(q, new Quota(quota.category(), quota.feature(), 0, size));
      if (model.best(null, relaxed, budget).isPresent()) {
        throw infeasible(
            quota, "it cannot be met together with the other quotas (without it they can)");
      }
    }
    throw new DomainException(
        DomainException.Kind.UNPROCESSABLE,
        "sortition-infeasible",
        "Quotas cannot be met",
        "no panel of "
            + size
            + " from these "
            + people
            + " respondents meets all the quotas together");
  }

  private static DomainException infeasible(Quota quota, String why) {
    return infeasible(
        quota.category(),
        quota.feature(),
        "quota " + quota.label() + " (min " + quota.min() + ", max " + quota.max() + "): " + why);
  }

  private static DomainException infeasible(String category, String feature, String detail) {
    DomainException e =
        new DomainException(
            DomainException.Kind.UNPROCESSABLE,
            "sortition-infeasible",
            "Quotas cannot be met",
            feature == null ? "category " + category + ": " + detail : detail);
    e.with("category", category);
    if (feature != null) {
      e.with("feature", feature);
    }
    return e;
  }

  private static Map<String, Double> probabilities(List<Respondent> respondents, double[] values) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      out.put(respondents.get(i).id(), values[i]);
    }
    return out;
  }

  private static List<String> ids(List<Respondent> respondents, List<Integer> indexes) {
    return indexes.stream().sorted().map(i -> respondents.get(i).id()).toList();
  }

  private static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }
}
