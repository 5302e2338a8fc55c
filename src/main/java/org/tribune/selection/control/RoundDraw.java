package org.tribune.selection.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A round's sortition as the public audit endpoint sees it: the pool and the round's quotas written
 * as the Sortition Foundation's {@code categories.csv} and {@code respondents.csv}, and the draw
 * made from exactly those two files (parsed back with {@link SortitionCsv}), so that posting them
 * to {@code POST /selection/panels} with the round's seats and seed gives the same probabilities
 * and the same panel.
 *
 * <p>A round's quotas name only the features that are constrained; the Foundation's files must list
 * every feature a respondent has. So every category a quota mentions is completed with the pool's
 * other values of it as unconstrained quotas ({@code 0..seats}), and a round without quotas is
 * drawn over {@code member_type} with every value unconstrained (a uniform draw). A missing region
 * or device line is the feature {@value #NONE}.
 */
public final class RoundDraw {

  /** The feature of a volunteer with no value in a category. */
  public static final String NONE = "none";

  /** The three member attributes a round's quotas are set on, in file column order. */
  public static final List<String> CATEGORIES = List.of("member_type", "region", "device_line");

  /** A volunteer in a round's pool, with the attributes copied onto their nomination. */
  public record Volunteer(long nominationId, String memberType, String region, String deviceLine) {

    String value(String category) {
      String v =
          switch (category) {
            case "member_type" -> memberType;
            case "region" -> region;
            default -> deviceLine;
          };
      return v == null || v.isBlank() ? NONE : v.strip();
    }
  }

  /** The two files the draw is made from. */
  public record Files(String categoriesCsv, String respondentsCsv) {}

  private RoundDraw() {}

  /** The round's quotas completed over the pool (see the class comment), in a stable order. */
  public static List<Quota> completed(List<Volunteer> pool, List<Quota> quotas, int seats) {
    List<Quota> out = new ArrayList<>(quotas);
    Set<String> categories = new LinkedHashSet<>();
    quotas.forEach(q -> categories.add(q.category()));
    if (categories.isEmpty()) {
      categories.add("member_type");
    }
    for (String category : categories) {
      Set<String> listed = new LinkedHashSet<>();
      quotas.stream()
          .filter(q -> q.category().equals(category))
          .forEach(q -> listed.add(q.feature()));
      for (Volunteer v : pool) {
        String value = v.value(category);
        if (listed.add(value)) {
          out.add(new Quota(category, value, 0, seats));
        }
      }
    }
    return out;
  }

  public static Files files(List<Volunteer> pool, List<Quota> quotas, int seats) {
    StringBuilder categories = new StringBuilder("category,feature,min,max\n");
    for (Quota q : completed(pool, quotas, seats)) {
      categories
          .append(csv(q.category()))
          .append(',')
          .append(csv(q.feature()))
          .append(',')
          .append(q.min())
          .append(',')
          .append(q.max())
          .append('\n');
    }
    StringBuilder respondents = new StringBuilder("id," + String.join(",", CATEGORIES) + "\n");
    for (Volunteer v : pool) {
      respondents.append(v.nominationId());
      for (String category : CATEGORIES) {
        respondents.append(',').append(csv(v.value(category)));
      }
      respondents.append('\n');
    }
    return new Files(categories.toString(), respondents.toString());
  }

  /** Draws the panel from the files, exactly as {@code POST /selection/panels} would. */
  public static SortitionResult draw(Files files, int seats, String seed) {
    List<Quota> quotas = SortitionCsv.categories(files.categoriesCsv());
    List<Respondent> respondents = SortitionCsv.respondents(files.respondentsCsv(), quotas);
    return Sortition.select(respondents, quotas, seats, SortitionMethod.LEXIMIN, seed);
  }

  /** Counts, per quota of the round, how many of {@code chosen} have its feature. */
  public static Map<Quota, Integer> seatsPerQuota(List<Quota> quotas, List<Volunteer> chosen) {
    Map<Quota, Integer> out = new LinkedHashMap<>();
    for (Quota q : quotas) {
      out.put(
          q, (int) chosen.stream().filter(v -> v.value(q.category()).equals(q.feature())).count());
    }
    return out;
  }

  /**
   * The result as {@code POST /selection/panels} answers it: method, size, seed, minimum,
   * probabilities, panel, draw (LEXIMIN) or runs (LEGACY), panels.
   */
  public static JsonObject json(SortitionResult result) {
    JsonObjectBuilder probabilities = Json.createObjectBuilder();
    for (Map.Entry<String, Double> p : result.probabilities().entrySet()) {
      probabilities.add(p.getKey(), p.getValue());
    }
    JsonArrayBuilder panels = Json.createArrayBuilder();
    for (SortitionResult.WeightedPanel panel : result.panels()) {
      panels.add(
          Json.createObjectBuilder()
              .add("probability", panel.probability())
              .add("ids", Json.createArrayBuilder(panel.ids())));
    }
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("method", result.method().name().toLowerCase(Locale.ROOT))
            .add("size", result.size())
            .add("seed", result.seed())
            .add("minimum", result.minimum())
            .add("probabilities", probabilities)
            .add("panel", Json.createArrayBuilder(result.panel()));
    if (result.method() == SortitionMethod.LEXIMIN) {
      out.add("draw", result.draw());
    } else {
      out.add("runs", result.runs());
    }
    return out.add("panels", panels).build();
  }

  static String csv(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
