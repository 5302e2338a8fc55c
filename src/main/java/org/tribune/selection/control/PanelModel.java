package org.tribune.selection.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The pool reduced to types: respondents with the same feature in every category are
 * interchangeable for the quotas, so a panel is described by how many of each type it takes (a
 * profile). This keeps the integer programs small (a few dozen variables for thousands of
 * respondents) and lets LEXIMIN work per type: by symmetry the leximin-optimal probabilities are
 * equal within a type.
 */
final class PanelModel {

  final List<Quota> quotas;
  final int size;

  /** Respondent indexes of each type, in input order. */
  final List<List<Integer>> members = new ArrayList<>();

  /**
   * For each type, the index of its feature in each quota's category: which quotas it counts in.
   */
  final List<boolean[]> inQuota = new ArrayList<>();

  PanelModel(List<Respondent> respondents, List<Quota> quotas, int size) {
    this.quotas = List.copyOf(quotas);
    this.size = size;
    List<String> categories = quotas.stream().map(Quota::category).distinct().toList();
    Map<List<String>, Integer> typeOf = new LinkedHashMap<>();
    for (int i = 0; i < respondents.size(); i++) {
      Respondent r = respondents.get(i);
      List<String> key = categories.stream().map(r.features()::get).toList();
      Integer t = typeOf.get(key);
      if (t == null) {
        t = members.size();
        typeOf.put(key, t);
        members.add(new ArrayList<>());
        boolean[] in = new boolean[quotas.size()];
        for (int q = 0; q < quotas.size(); q++) {
          in[q] = quotas.get(q).feature().equals(r.features().get(quotas.get(q).category()));
        }
        inQuota.add(in);
      }
      members.get(t).add(i);
    }
  }

  int types() {
    return members.size();
  }

  int count(int type) {
    return members.get(type).size();
  }

  /**
   * A feasible profile maximising {@code weights · profile}, or empty if the quotas cannot be met.
   */
  Optional<int[]> best(double[] weights, List<Quota> withQuotas, long timeLimitMillis) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    model.options.time_abort = Math.max(1, timeLimitMillis);
    Variable[] x = new Variable[types()];
    Expression total = model.addExpression("size").level(size);
    for (int t = 0; t < types(); t++) {
      x[t] =
          model
              .addVariable("t" + t)
              .integer(true)
              .lower(BigDecimal.ZERO)
              .upper(BigDecimal.valueOf(count(t)))
              .weight(weights == null ? 0 : weights[t]);
      total.set(x[t], 1);
    }
    for (int q = 0; q < withQuotas.size(); q++) {
      Quota quota = withQuotas.get(q);
      Expression e =
          model.addExpression("q" + q).lower(BigDecimal.valueOf(quota.min())).upper(quota.max());
      for (int t = 0; t < types(); t++) {
        if (inQuota.get(t)[q]) {
          e.set(x[t], 1);
        }
      }
    }
    Optimisation.Result result = model.maximise();
    if (!result.getState().isFeasible()) {
      return Optional.empty();
    }
    int[] profile = new int[types()];
    for (int t = 0; t < types(); t++) {
      profile[t] = (int) Math.round(result.doubleValue(t));
    }
    return isFeasible(profile, withQuotas) ? Optional.of(profile) : Optional.empty();
  }

  boolean isFeasible(int[] profile, List<Quota> withQuotas) {
    if (Arrays.stream(profile).sum() != size) {
      return false;
    }
    for (int t = 0; t < types(); t++) {
      if (profile[t] < 0 || profile[t] > count(t)) {
        return false;
      }
    }
    for (int q = 0; q < withQuotas.size(); q++) {
      int n = 0;
      for (int t = 0; t < types(); t++) {
        if (inQuota.get(t)[q]) {
          n += profile[t];
        }
      }
      if (n < withQuotas.get(q).min() || n > withQuotas.get(q).max()) {
        return false;
      }
    }
    return true;
  }
}
