package org.tribune.selection.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribune.platform.entity.DomainException;

/**
 * Quotas on the seats of an STV election (at least {@code min}, at most {@code max} winners with a
 * feature), for {@link MeekStv#count(BallotFile, CountOptions, SeatConstraints)}.
 *
 * <p>The one question the count asks is {@link #feasible}: with these candidates elected and these
 * still hopeful, can the remaining seats be filled from the hopefuls so that every quota is met? It
 * is answered exactly, by an integer program over candidate types (candidates with the same feature
 * in every category are interchangeable for the quotas), the same model the sortition uses ({@link
 * PanelModel}).
 *
 * @param features each candidate's feature in each category, by candidate index (a missing value is
 *     a feature of its own, e.g. {@code "none"})
 */
public record SeatConstraints(List<Map<String, String>> features, List<Quota> quotas) {

  private static final long SOLVER_MILLIS = 30_000;

  public SeatConstraints {
    features = features.stream().map(Map::copyOf).toList();
    quotas = List.copyOf(quotas);
  }

  /** Whether {@code seats} seats can be filled meeting every quota, given who is elected. */
  public boolean feasible(Collection<Integer> elected, Collection<Integer> hopeful, int seats) {
    return feasible(elected, hopeful, seats, quotas);
  }

  private boolean feasible(
      Collection<Integer> elected, Collection<Integer> hopeful, int seats, List<Quota> with) {
    int left = seats - elected.size();
    if (left < 0 || hopeful.size() < left) {
      return false;
    }
    List<Quota> remaining = new ArrayList<>();
    for (Quota q : with) {
      int have = (int) elected.stream().filter(c -> has(c, q)).count();
      if (have > q.max()) {
        return false;
      }
      remaining.add(
          new Quota(q.category(), q.feature(), Math.max(0, q.min() - have), q.max() - have));
    }
    if (left == 0) {
      return remaining.stream().allMatch(q -> q.min() == 0);
    }
    List<Respondent> pool = new ArrayList<>();
    for (int c : hopeful) {
      pool.add(new Respondent(String.valueOf(c), features.get(c)));
    }
    return new PanelModel(pool, remaining, left).best(null, remaining, SOLVER_MILLIS).isPresent();
  }

  /** Whether candidate {@code c} has the quota's feature. */
  public boolean has(int c, Quota q) {
    return q.feature().equals(features.get(c).get(q.category()));
  }

  /** A quota whose maximum the elected already fill and that candidate {@code c} falls under. */
  public Optional<Quota> fullMaximum(int c, Collection<Integer> elected) {
    for (Quota q : quotas) {
      if (has(c, q) && elected.stream().filter(e -> has(e, q)).count() >= q.max()) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  /**
   * The 422 for quotas no choice of winners can meet, naming the first quota without which they
   * could be met (or none, when no single quota is to blame).
   */
  DomainException infeasible(Collection<Integer> hopeful, int seats) {
    for (int i = 0; i < quotas.size(); i++) {
      List<Quota> relaxed = new ArrayList<>(quotas);
      Quota q = quotas.get(i);
      relaxed.set(i, new Quota(q.category(), q.feature(), 0, seats));
      if (feasible(List.of(), hopeful, seats, relaxed)) {
        return DomainException.unprocessable(
                "stv-quotas-infeasible",
                "Quotas cannot be met",
                "quota "
                    + q.label()
                    + " (min "
                    + q.min()
                    + ", max "
                    + q.max()
                    + ") cannot be met by the candidates standing together with the other quotas")
            .with("category", q.category())
            .with("feature", q.feature());
      }
    }
    return DomainException.unprocessable(
        "stv-quotas-infeasible",
        "Quotas cannot be met",
        "no choice of " + seats + " winners among the candidates standing meets all the quotas");
  }
}
