package org.tribune.selection.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.tribune.platform.entity.DomainException;

/**
 * LEXIMIN (Flanigan, Gölz, Gupta, Hennig and Procaccia, "Fair algorithms for selecting citizens'
 * assemblies", Nature 596, 2021): the distribution over quota-feasible panels that maximises the
 * smallest selection probability, then the second smallest, and so on.
 *
 * <p>As in the paper's algorithm, each level is solved by column generation on the dual: over the
 * panels found so far, find weights {@code y} on the not yet fixed respondents (summing to 1) and a
 * bound {@code mu} minimising {@code mu - sum(fixed probability × y)} such that no known panel
 * weighs more than {@code mu}; an integer program then looks for a feasible panel that does (the
 * pricing oracle). When none exists, {@code mu - ...} is the best achievable smallest probability
 * among the unfixed, and every respondent with positive weight is fixed at it (complementary
 * slackness: they cannot do better in any optimal distribution). A last LP finds a mixture of the
 * panels that gives everyone their fixed probability.
 *
 * <p>Panels are profiles over {@link PanelModel} types (respondents with identical features), which
 * is exact because leximin treats interchangeable respondents alike; {@link #realise} turns each
 * profile into concrete panels with the right probability for every single respondent.
 */
final class Leximin {

  /** Reduced cost below which a panel does not improve the level. */
  private static final double EPS = 1e-9;

  /** A dual weight above this marks a respondent type as tight (fixed at the level's value). */
  private static final double TIGHT = 1e-7;

  /** Slack granted to the fixed probabilities in the final mixture. */
  private static final double SLACK = 1e-9;

  private final PanelModel model;
  private final long deadline;
  private final List<int[]> profiles = new ArrayList<>();
  private final Set<String> known = new HashSet<>();

  /** Each type's fixed probability, NaN while it is not fixed. */
  private final double[] fixed;

  private Leximin(PanelModel model, long deadlineNanos) {
    this.model = model;
    this.deadline = deadlineNanos;
    this.fixed = new double[model.types()];
    Arrays.fill(fixed, Double.NaN);
  }

  /** A profile and its probability. */
  record Mix(int[] profile, double probability) {}

  /** The leximin distribution over profiles, or a 422 if the time budget runs out. */
  static List<Mix> solve(PanelModel model, long budgetMillis) {
    return new Leximin(model, System.nanoTime() + budgetMillis * 1_000_000L).run();
  }

  private List<Mix> run() {
    int types = model.types();
    for (int t = 0; t < types; t++) {
      double[] w = new double[types];
      for (int u = 0; u < types; u++) {
        w[u] = u == t ? 1 : 1e-3 / model.count(u);
      }
      model.best(w, model.quotas, remaining()).ifPresent(this::add);
    }
    int unfixed = types;
    while (unfixed > 0) {
      Dual dual = null;
      while (true) {
        checkTime();
        dual = dual();
        double[] w = new double[types];
        for (int t = 0; t < types; t++) {
          w[t] = dual.y[t] / model.count(t);
        }
        java.util.Optional<int[]> found = model.best(w, model.quotas, remaining());
        if (found.isEmpty()) {
          checkTime();
          throw new IllegalStateException("LEXIMIN pricing found no panel for feasible quotas");
        }
        int[] best = found.get();
        double value = 0;
        for (int t = 0; t < types; t++) {
          value += w[t] * best[t];
        }
        if (value <= dual.mu + EPS || !add(best)) {
          break;
        }
      }
      double level = Math.max(0, Math.min(1, dual.value));
      int fixedNow = 0;
      int heaviest = -1;
      for (int t = 0; t < types; t++) {
        if (Double.isNaN(fixed[t])) {
          if (heaviest < 0 || dual.y[t] > dual.y[heaviest]) {
            heaviest = t;
          }
          if (dual.y[t] > TIGHT) {
            fixed[t] = level;
            fixedNow++;
          }
        }
      }
      if (fixedNow == 0) {
        fixed[heaviest] = level;
        fixedNow = 1;
      }
      unfixed -= fixedNow;
    }
    return mixture();
  }

  private record Dual(double[] y, double mu, double value) {}

  private Dual dual() {
    int types = model.types();
    ExpressionsBasedModel lp = new ExpressionsBasedModel();
    Variable[] y = new Variable[types];
    Variable mu = lp.addVariable("mu").weight(1);
    Expression sum = lp.addExpression("sum").level(1);
    for (int t = 0; t < types; t++) {
      y[t] = lp.addVariable("y" + t).lower(BigDecimal.ZERO);
      if (Double.isNaN(fixed[t])) {
        sum.set(y[t], 1);
      } else {
        y[t].weight(-fixed[t]);
      }
    }
    for (int p = 0; p < profiles.size(); p++) {
      int[] profile = profiles.get(p);
      Expression e = lp.addExpression("p" + p).upper(BigDecimal.ZERO);
      e.set(mu, -1);
      for (int t = 0; t < types; t++) {
        if (profile[t] > 0) {
          e.set(y[t], (double) profile[t] / model.count(t));
        }
      }
    }
    Optimisation.Result result = lp.minimise();
    if (!result.getState().isFeasible()) {
      throw new IllegalStateException("LEXIMIN dual LP failed: " + result.getState());
    }
    double[] ys = new double[types];
    for (int t = 0; t < types; t++) {
      ys[t] = result.doubleValue(t + 1);
    }
    return new Dual(ys, result.doubleValue(0), result.getValue());
  }

  private List<Mix> mixture() {
    int types = model.types();
    ExpressionsBasedModel lp = new ExpressionsBasedModel();
    Variable[] lambda = new Variable[profiles.size()];
    Expression sum = lp.addExpression("sum").level(1);
    for (int p = 0; p < profiles.size(); p++) {
      lambda[p] = lp.addVariable("l" + p).lower(BigDecimal.ZERO).weight(1e-6);
      sum.set(lambda[p], 1);
    }
    for (int t = 0; t < types; t++) {
      Expression e = lp.addExpression("t" + t).lower(Math.max(0, fixed[t] - SLACK));
      for (int p = 0; p < profiles.size(); p++) {
        if (profiles.get(p)[t] > 0) {
          e.set(lambda[p], (double) profiles.get(p)[t] / model.count(t));
        }
      }
    }
    Optimisation.Result result = lp.minimise();
    if (!result.getState().isFeasible()) {
      throw new IllegalStateException("LEXIMIN mixture LP failed: " + result.getState());
    }
    List<Mix> out = new ArrayList<>();
    double total = 0;
    for (int p = 0; p < profiles.size(); p++) {
      double v = result.doubleValue(p);
      if (v > 1e-12) {
        out.add(new Mix(profiles.get(p), v));
        total += v;
      }
    }
    double norm = total;
    return out.stream().map(m -> new Mix(m.profile(), m.probability() / norm)).toList();
  }

  /** A concrete panel (respondent indexes, ascending) and its probability. */
  record Realised(List<Integer> members, double probability) {}

  /**
   * Turns each profile into concrete panels by systematic sampling within every type with one
   * shared offset {@code u} uniform in [0, 1): of a type with {@code n} members of whom the profile
   * takes {@code c}, member {@code i} (in input order) is on the panel when the interval {@code [i
   * c / n, (i + 1) c / n)} contains {@code u} plus a whole number. Every member is then chosen with
   * probability exactly {@code c / n}, and the panel changes only where {@code u} crosses some
   * {@code i c / n} mod 1, so each profile yields at most one panel per respondent. Panels come in
   * the order of the profiles, then of {@code u}.
   */
  static List<Realised> realise(PanelModel model, List<Mix> mixes) {
    List<Realised> out = new ArrayList<>();
    for (Mix mix : mixes) {
      java.util.TreeSet<Double> cuts = new java.util.TreeSet<>();
      cuts.add(0.0);
      for (int t = 0; t < model.types(); t++) {
        int n = model.count(t);
        int c = mix.profile()[t];
        if (c == 0 || c == n) {
          continue;
        }
        for (int i = 0; i < n; i++) {
          double cut = (double) ((long) i * c % n) / n;
          cuts.add(cut);
        }
      }
      List<Double> points = new ArrayList<>(cuts);
      points.add(1.0);
      for (int k = 0; k + 1 < points.size(); k++) {
        double width = points.get(k + 1) - points.get(k);
        if (width < 1e-15) {
          continue;
        }
        double u = (points.get(k) + points.get(k + 1)) / 2;
        List<Integer> members = new ArrayList<>();
        for (int t = 0; t < model.types(); t++) {
          int n = model.count(t);
          int c = mix.profile()[t];
          for (int i = 0; i < n; i++) {
            if (Math.ceil((double) (i + 1) * c / n - u) - Math.ceil((double) i * c / n - u) >= 1) {
              members.add(model.members.get(t).get(i));
            }
          }
        }
        members.sort(null);
        out.add(new Realised(members, mix.probability() * width));
      }
    }
    return out;
  }

  private boolean add(int[] profile) {
    if (known.add(Arrays.toString(profile))) {
      profiles.add(profile);
      return true;
    }
    return false;
  }

  private long remaining() {
    return Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
  }

  private void checkTime() {
    if (System.nanoTime() > deadline) {
      throw new DomainException(
          DomainException.Kind.UNPROCESSABLE,
          "sortition-too-complex",
          "Sortition took too long",
          "LEXIMIN did not finish within its time budget; use fewer categories or respondents");
    }
  }
}
