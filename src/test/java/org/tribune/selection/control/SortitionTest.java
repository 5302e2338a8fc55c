package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

class SortitionTest {

  /**
   * The example of Flanigan et al. (2021): 100 male conservatives, 99 female liberals, 1 female
   * conservative (id 199); every value of gender and leaning needs 9 to 20 of a panel of 20.
   */
  static List<Respondent> pool() {
    List<Respondent> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String gender = i < 100 ? "male" : "female";
      String leaning = i < 100 || i == 199 ? "conservative" : "liberal";
      out.add(new Respondent(String.valueOf(i), Map.of("gender", gender, "leaning", leaning)));
    }
    return out;
  }

  static List<Quota> quotas() {
    return List.of(
        new Quota("gender", "male", 9, 20),
        new Quota("gender", "female", 9, 20),
        new Quota("leaning", "conservative", 9, 20),
        new Quota("leaning", "liberal", 9, 20));
  }

  @Test
  void leximinGivesEveryVolunteerOneChanceInTen() {
    SortitionResult result =
        Sortition.select(pool(), quotas(), 20, SortitionMethod.LEXIMIN, "citizens-2021");

    for (Map.Entry<String, Double> p : result.probabilities().entrySet()) {
      assertEquals(0.1, p.getValue(), 1e-6, "respondent " + p.getKey());
    }
    assertEquals(0.1, result.minimum(), 1e-6);
    assertEquals(20, result.panel().size());
    double total =
        result.panels().stream().mapToDouble(SortitionResult.WeightedPanel::probability).sum();
    assertEquals(1.0, total, 1e-9);
    assertTrue(result.panels().stream().anyMatch(p -> p.ids().equals(result.panel())));
  }

  @Test
  void thePublishedPanelsGiveEveryRespondentTheirProbabilityAndMeetTheQuotas() {
    SortitionResult result =
        Sortition.select(pool(), quotas(), 20, SortitionMethod.LEXIMIN, "citizens-2021");
    Map<String, Respondent> byId = new HashMap<>();
    pool().forEach(r -> byId.put(r.id(), r));
    Map<String, Double> fromPanels = new HashMap<>();
    for (SortitionResult.WeightedPanel panel : result.panels()) {
      assertEquals(20, panel.ids().size());
      for (Quota q : quotas()) {
        long n =
            panel.ids().stream()
                .filter(id -> q.feature().equals(byId.get(id).features().get(q.category())))
                .count();
        assertTrue(n >= q.min() && n <= q.max(), q.label() + " has " + n);
      }
      for (String id : panel.ids()) {
        fromPanels.merge(id, panel.probability(), Double::sum);
      }
    }
    for (Map.Entry<String, Double> p : result.probabilities().entrySet()) {
      assertEquals(p.getValue(), fromPanels.getOrDefault(p.getKey(), 0.0), 1e-9, p.getKey());
    }
  }

  @Test
  void theSameSeedDrawsTheSamePanelAndThePublishedDrawNumber() {
    SortitionResult a = Sortition.select(pool(), quotas(), 20, SortitionMethod.LEXIMIN, "one");
    SortitionResult b = Sortition.select(pool(), quotas(), 20, SortitionMethod.LEXIMIN, "one");
    assertEquals(a.panel(), b.panel());
    assertEquals(a.draw(), b.draw());
    assertEquals(new SeededDraw("one").below(1_000_000_000), a.draw());
  }

  // Legacy probabilities estimated from 10,000 seeded runs: standard error about 0.001 at 0.01.
  @Test
  void theLegacyMethodAlmostNeverPicksTheLoneFemaleConservative() {
    SortitionResult result =
        Sortition.select(
            pool(),
            quotas(),
            20,
            SortitionMethod.LEGACY,
            "citizens-2021",
            new Sortition.Limits(1_000, 10_000));

    assertEquals(10_000, result.runs());
    double lone = result.probabilities().get("199");
    assertTrue(lone > 0.002 && lone < 0.03, "lone female conservative: " + lone);
    assertEquals(lone, result.minimum(), 1e-12);
    double male = result.probabilities().get("0");
    assertTrue(male > 0.08 && male < 0.12, "a male conservative: " + male);
    assertEquals(20, result.panel().size());
  }

  @Test
  void aMinimumNoRespondentCanFillIsNamed() {
    List<Quota> quotas = new ArrayList<>(quotas());
    quotas.set(1, new Quota("gender", "female", 101, 120));
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> Sortition.select(pool(), quotas, 20, SortitionMethod.LEXIMIN, "s"));
    assertEquals("sortition-infeasible", e.type());
    assertEquals("gender", e.extensions().get("category"));
    assertEquals("female", e.extensions().get("feature"));
  }

  @Test
  void aCategoryWhoseMinimumsExceedThePanelIsNamed() {
    List<Quota> quotas = new ArrayList<>(quotas());
    quotas.set(0, new Quota("gender", "male", 12, 20));
    quotas.set(1, new Quota("gender", "female", 12, 20));
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> Sortition.select(pool(), quotas, 20, SortitionMethod.LEXIMIN, "s"));
    assertEquals("sortition-infeasible", e.type());
    assertEquals("gender", e.extensions().get("category"));
    assertTrue(e.getMessage().contains("minimums add up to 24"), e.getMessage());
  }

  // Each quota alone is satisfiable, but conservatives >= 15 needs at least 14 men (only one
  // woman is conservative) while men <= 5: the integer program finds no panel, and relaxing the
  // first quota (men) makes one.
  @Test
  void quotasThatClashOnlyTogetherAreFoundByTheIntegerProgram() {
    List<Quota> quotas =
        List.of(
            new Quota("gender", "male", 0, 5),
            new Quota("gender", "female", 0, 20),
            new Quota("leaning", "conservative", 15, 20),
            new Quota("leaning", "liberal", 0, 20));
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> Sortition.select(pool(), quotas, 20, SortitionMethod.LEXIMIN, "s"));
    assertEquals("sortition-infeasible", e.type());
    assertEquals("male", e.extensions().get("feature"));
  }

  @Test
  void aRespondentWithAnUnlistedFeatureIsRejected() {
    List<Respondent> pool = new ArrayList<>(pool());
    pool.set(5, new Respondent("5", Map.of("gender", "other", "leaning", "liberal")));
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> Sortition.select(pool, quotas(), 20, SortitionMethod.LEXIMIN, "s"));
    assertEquals("invalid-input", e.type());
    assertTrue(e.getMessage().contains("respondent 5"), e.getMessage());
  }

  // Exactly one of a1, a2 and at most one each of b and c, panel of 2: every panel is {a, b} or
  // {a, c}. The best minimum is 1/2, reached by all four: a1 and a2 half the time each, b and c
  // half the time each.
  @Test
  void leximinOnASmallInstanceWithAKnownAnswer() {
    List<Respondent> pool =
        List.of(
            new Respondent("a1", Map.of("kind", "a")),
            new Respondent("a2", Map.of("kind", "a")),
            new Respondent("b", Map.of("kind", "b")),
            new Respondent("c", Map.of("kind", "c")));
    List<Quota> quotas =
        List.of(
            new Quota("kind", "a", 1, 1),
            new Quota("kind", "b", 0, 1),
            new Quota("kind", "c", 0, 1));
    SortitionResult result = Sortition.select(pool, quotas, 2, SortitionMethod.LEXIMIN, "s");
    for (double p : result.probabilities().values()) {
      assertEquals(0.5, p, 1e-6);
    }
  }
}
