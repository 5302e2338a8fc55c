package org.tribune.selection.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.tribune.selection.control.BallotFile;
import org.tribune.selection.control.BltFormat;
import org.tribune.selection.control.CountOptions;
import org.tribune.selection.control.ElectionResult;
import org.tribune.selection.control.MeekStv;

/**
 * The public recount: anyone posts a {@code .blt} ballot file and gets the Meek STV count round by
 * round in OpaVote's report shape, without signing in. It keeps nothing. Without a {@code seed} the
 * seed is the file's SHA-256 (hex), so the same file always gives the same count and the report
 * says which seed was used. The body is bounded by the platform's 64 KiB limit ({@code BodyLimit}
 * has one limit for every endpoint); a packed file of a large Stack Exchange election (a few
 * thousand ballots over a dozen candidates, one line per distinct ranking) fits well within it.
 */
@Path("selection/count")
public class CountResource {

  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject count(
      byte[] body,
      @QueryParam("prec") String prec,
      @QueryParam("thresholdFormula") String thresholdFormula,
      @QueryParam("dynamicThreshold") String dynamicThreshold,
      @QueryParam("fractionalThreshold") String fractionalThreshold,
      @QueryParam("weakTieBreakMethod") String weakTieBreakMethod,
      @QueryParam("seed") String seed) {
    byte[] bytes = body == null ? new byte[0] : body;
    CountOptions options =
        CountQuery.options(
            prec,
            thresholdFormula,
            dynamicThreshold,
            fractionalThreshold,
            weakTieBreakMethod,
            seed == null ? BltFormat.sha256(bytes) : seed);
    BallotFile file = BltFormat.parse(bytes);
    ElectionResult result = MeekStv.count(file, options);
    return OpaVoteReport.of(file, result);
  }
}
