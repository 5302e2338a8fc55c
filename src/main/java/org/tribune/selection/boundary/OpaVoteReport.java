package org.tribune.selection.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.tribune.selection.control.Ballot;
import org.tribune.selection.control.BallotFile;
import org.tribune.selection.control.CandidateStatus;
import org.tribune.selection.control.CountOptions;
import org.tribune.selection.control.ElectionResult;
import org.tribune.selection.control.RoundAction;
import org.tribune.selection.control.TieBreak;

/**
 * A count in OpaVote's JSON report shape, so that a published Tribune count and an OpaVote report
 * of the same ballots can be compared field by field with the same script.
 *
 * <p>The shape follows OpaVote's reports as published (and as the rcvformats project's {@code
 * opavote.schema.json} describes them): every vote figure ({@code count}, {@code thresh}, {@code
 * surplus}, {@code exhausted}) is an integer in units of 10^-{@code precision}; {@code winners},
 * {@code losers} and {@code continuing} are 0-based candidate numbers; {@code winners} and {@code
 * losers} in a round are cumulative, {@code continuing} holds the hopefuls after the round; {@code
 * action} is {@code {type, candidates, desc}} with type {@code first}, {@code surplus} (candidates
 * whose keep factors were lowered) or {@code eliminate}; {@code tie_breaks} lists the strong
 * (random) ties only as {@code [round whose counts tied, tied, [chosen]]}; {@code options} is a
 * list of {@code [name, value]} pairs; {@code n_votes} counts every ballot in the file, {@code
 * n_valid_votes} those that rank a standing candidate. OpaVote prints {@code losers} and {@code
 * continuing} in Python set order, which carries no meaning; here they are sorted. Withdrawn
 * candidates keep their place in {@code candidates} and count 0.
 */
public final class OpaVoteReport {

  private OpaVoteReport() {}

  public static JsonObject of(BallotFile file, ElectionResult result) {
    CountOptions o = result.options();
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("n_seats", result.seats())
            .add("n_votes", file.ballots().stream().mapToLong(Ballot::weight).sum())
            .add("title", result.title())
            .add("precision", o.precision())
            .add("withdrawn", numbers(result.withdrawn()))
            .add("method", "Meek STV")
            .add("version", "1.0")
            .add("candidates", strings(result.candidates()))
            .add("winners", numbers(result.winners()));
    JsonArrayBuilder ties = Json.createArrayBuilder();
    for (TieBreak tie : result.tieBreaks()) {
      if (tie.resolution() == TieBreak.Resolution.SEEDED_DRAW) {
        ties.add(
            Json.createArrayBuilder()
                .add(tie.round())
                .add(numbers(tie.tied()))
                .add(Json.createArrayBuilder().add(tie.chosen())));
      }
    }
    out.add("tie_breaks", ties);
    out.add("options", options(o));
    JsonArrayBuilder rounds = Json.createArrayBuilder();
    List<Integer> winners = new ArrayList<>();
    for (ElectionResult.Round round : result.rounds()) {
      winners.addAll(round.elected());
      rounds.add(round(round, winners));
    }
    out.add("rounds", rounds);
    out.add("n_valid_votes", result.validBallots());
    return out.build();
  }

  private static JsonObject round(ElectionResult.Round round, List<Integer> winnersSoFar) {
    JsonArrayBuilder count = Json.createArrayBuilder();
    round.votes().forEach(count::add);
    return Json.createObjectBuilder()
        .add("count", count)
        .add("surplus", round.surplus())
        .add("exhausted", round.exhausted())
        .add("continuing", numbers(having(round, CandidateStatus.HOPEFUL)))
        .add("n", round.number())
        .add("msg", round.message())
        .add("winners", numbers(winnersSoFar))
        .add("losers", numbers(having(round, CandidateStatus.ELIMINATED)))
        .add("action", action(round.action()))
        .add("thresh", round.threshold())
        .build();
  }

  private static JsonObject action(RoundAction action) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    if (action instanceof RoundAction.SurplusTransfer surplus) {
      out.add("type", "surplus").add("candidates", numbers(surplus.candidates())).add("desc", "");
    } else if (action instanceof RoundAction.Elimination elimination) {
      out.add("type", "eliminate")
          .add("candidates", numbers(elimination.candidates()))
          .add("desc", elimination.description());
    } else {
      out.add("type", "first").add("desc", "Count of first choices. ");
    }
    return out.build();
  }

  private static JsonArrayBuilder options(CountOptions o) {
    return Json.createArrayBuilder()
        .add(Json.createArrayBuilder().add("prec").add(o.precision()))
        .add(
            Json.createArrayBuilder()
                .add("thresholdFormula")
                .add(
                    o.thresholdFormula() == CountOptions.ThresholdFormula.DROOP ? "Droop" : "Hare"))
        .add(
            Json.createArrayBuilder()
                .add("dynamicThreshold")
                .add(o.dynamicThreshold() ? "Dynamic" : "Static"))
        .add(
            Json.createArrayBuilder()
                .add("fractionalThreshold")
                .add(o.fractionalThreshold() ? "Fractional" : "Whole"))
        .add(Json.createArrayBuilder().add("delayedTransfer").add("On"))
        .add(Json.createArrayBuilder().add("batchElimination").add("Losers"))
        .add(
            Json.createArrayBuilder()
                .add("weakTieBreakMethod")
                .add(CountQuery.label(o.weakTieBreak())))
        .add(Json.createArrayBuilder().add("seed").add(o.seed()));
  }

  private static List<Integer> having(ElectionResult.Round round, CandidateStatus status) {
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < round.statuses().size(); c++) {
      if (round.statuses().get(c) == status) {
        out.add(c);
      }
    }
    return out;
  }

  private static JsonArrayBuilder numbers(Collection<Integer> values) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    values.forEach(out::add);
    return out;
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    values.forEach(out::add);
    return out;
  }
}
