package org.tribune.selection.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.boundary.Problem;
import org.tribune.platform.entity.DomainException;
import org.tribune.selection.boundary.ResultViews.Receipt;
import org.tribune.selection.boundary.ResultViews.Results;
import org.tribune.selection.boundary.RoundViews.Answer;
import org.tribune.selection.boundary.RoundViews.BallotForm;
import org.tribune.selection.boundary.RoundViews.BallotRequest;
import org.tribune.selection.boundary.RoundViews.Count;
import org.tribune.selection.boundary.RoundViews.Eligibility;
import org.tribune.selection.boundary.RoundViews.NominationRequest;
import org.tribune.selection.boundary.RoundViews.NominationView;
import org.tribune.selection.boundary.RoundViews.Pool;
import org.tribune.selection.boundary.RoundViews.QuestionView;
import org.tribune.selection.boundary.RoundViews.Reason;
import org.tribune.selection.boundary.RoundViews.RoundRequest;
import org.tribune.selection.boundary.RoundViews.RoundSummary;
import org.tribune.selection.boundary.RoundViews.RoundView;
import org.tribune.selection.boundary.RoundViews.StatementBody;
import org.tribune.selection.boundary.RoundViews.TextBody;
import org.tribune.selection.control.BallotOutcome;
import org.tribune.selection.control.EndorsementOutcome;
import org.tribune.selection.entity.Nomination;
import org.tribune.selection.entity.NomineeAnswer;
import org.tribune.selection.entity.RoundQuestion;
import org.tribune.selection.entity.SelectionMethod;

/**
 * Selection rounds over HTTP: the round and its timeline, nominations and the questionnaire,
 * endorsements, the secret ballot, and the published count. Votes answer once durable (the request
 * thread is released while the ingest writes).
 */
@Path("selection/rounds")
@Produces(MediaType.APPLICATION_JSON)
public class RoundsResource {

  @Inject RoundLifecycle rounds;
  @Inject SelectionVotes votes;
  @Inject RoundPublication publication;
  @Inject RoundDraws draws;
  @Inject CurrentMember caller;

  @GET
  @PermitAll
  @Operation(summary = "Selection rounds, newest first")
  public List<RoundSummary> list() {
    return rounds.list();
  }

  @POST
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a round (community manager; audited)")
  public Response create(RoundRequest body) {
    MemberId manager = caller.requireRole(Roles.COMMUNITY_MANAGER);
    long id = rounds.create(manager, required(body)).id();
    return Response.status(201).entity(rounds.view(id, Optional.of(manager))).build();
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "A round: timeline, phase, seats, quotas, floors, method, turnout")
  public RoundView get(@PathParam("id") long id) {
    return rounds.view(id, caller.id());
  }

  @POST
  @Path("{id}/advance")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "End the running phase now (community manager; audited)")
  public RoundView advance(@PathParam("id") long id, Reason body) {
    MemberId manager = caller.requireRole(Roles.COMMUNITY_MANAGER);
    rounds.advance(manager, id, body == null ? null : body.reason());
    return rounds.view(id, Optional.of(manager));
  }

  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Cancel a round that is not published (community manager; audited)")
  public RoundView cancel(@PathParam("id") long id, Reason body) {
    MemberId manager = caller.requireRole(Roles.COMMUNITY_MANAGER);
    rounds.cancel(manager, id, required(body).reason());
    return rounds.view(id, Optional.of(manager));
  }

  @GET
  @Path("{id}/eligibility")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Whether I may stand and vote, with every reason if not")
  public Eligibility eligibility(@PathParam("id") long id) {
    return rounds.eligibility(id, caller.require());
  }

  // ---- nominations ----

  @GET
  @Path("{id}/nominations")
  @PermitAll
  public List<NominationView> nominations(@PathParam("id") long id) {
    return rounds.nominations(id, caller.id());
  }

  @POST
  @Path("{id}/nominations")
  @RolesAllowed(Roles.MEMBER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Nominate myself (no nomineeId) or another member (they must accept)",
      description = "403 not-eligible lists every reason; 409 already-nominated; 409 wrong-phase.")
  public Response nominate(@PathParam("id") long id, NominationRequest body) {
    NominationRequest r = required(body);
    Nomination n = rounds.nominate(id, caller.require(), r.nomineeId(), r.statement());
    return Response.status(201).entity(view(id, n.id())).build();
  }

  @POST
  @Path("{id}/nominations/{nid}/accept")
  @RolesAllowed(Roles.MEMBER)
  @Consumes(MediaType.APPLICATION_JSON)
  public NominationView accept(
      @PathParam("id") long id, @PathParam("nid") long nid, StatementBody body) {
    rounds.accept(id, nid, caller.require(), body == null ? null : body.statement());
    return view(id, nid);
  }

  @POST
  @Path("{id}/nominations/{nid}/decline")
  @RolesAllowed(Roles.MEMBER)
  public NominationView decline(@PathParam("id") long id, @PathParam("nid") long nid) {
    rounds.decline(id, nid, caller.require());
    return view(id, nid);
  }

  @POST
  @Path("{id}/nominations/{nid}/withdraw")
  @RolesAllowed(Roles.MEMBER)
  public NominationView withdraw(@PathParam("id") long id, @PathParam("nid") long nid) {
    rounds.withdraw(id, nid, caller.require());
    return view(id, nid);
  }

  @PUT
  @Path("{id}/nominations/{nid}/answers/{qid}")
  @RolesAllowed(Roles.MEMBER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The nominee answers a questionnaire question (again to revise)")
  public Answer answer(
      @PathParam("id") long id,
      @PathParam("nid") long nid,
      @PathParam("qid") long qid,
      TextBody body) {
    NomineeAnswer a = rounds.answer(id, nid, qid, caller.require(), required(body).body());
    return new Answer(a.questionId(), a.body(), a.answeredAt());
  }

  @POST
  @Path("{id}/nominations/{nid}/endorsements")
  @RolesAllowed(Roles.MEMBER)
  @Operation(
      summary = "Endorse a nominee (approval vote, through the vote ingest)",
      description =
          "201 with the nominee's endorsement count; 409 already-endorsed; 409"
              + " wrong-phase; 403 not-eligible; 503 busy.")
  public CompletionStage<Response> endorse(@PathParam("id") long id, @PathParam("nid") long nid) {
    return votes
        .endorse(id, nid, caller.require())
        .thenApply(o -> answer(o, "already-endorsed", "You have already endorsed this nominee."));
  }

  private NominationView view(long roundId, long nominationId) {
    return rounds.nominations(roundId, caller.id()).stream()
        .filter(n -> n.id() == nominationId)
        .findFirst()
        .orElseThrow(() -> DomainException.notFound("Nomination", nominationId));
  }

  // ---- questionnaire ----

  @GET
  @Path("{id}/questions")
  @PermitAll
  public List<QuestionView> questions(@PathParam("id") long id) {
    return rounds.questions(id, caller.id());
  }

  @POST
  @Path("{id}/questions")
  @RolesAllowed(Roles.MEMBER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Propose a questionnaire question (before nomination closes)")
  public Response propose(@PathParam("id") long id, TextBody body) {
    MemberId me = caller.require();
    RoundQuestion q = rounds.propose(id, me, required(body).body());
    return Response.status(201)
        .entity(
            new QuestionView(
                q.id(),
                q.body(),
                0,
                new RoundViews.MemberRef(me.value(), rounds.member(me).displayName()),
                q.createdAt(),
                false))
        .build();
  }

  @POST
  @Path("{id}/questions/{qid}/upvotes")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Upvote a question (through the vote ingest); 409 already-upvoted")
  public CompletionStage<Response> upvote(@PathParam("id") long id, @PathParam("qid") long qid) {
    return votes
        .upvote(id, qid, caller.require())
        .thenApply(o -> answer(o, "already-upvoted", "You have already upvoted this question."));
  }

  // ---- ballot ----

  @GET
  @Path("{id}/ballot")
  @PermitAll
  @Operation(summary = "The ballot: the shortlisted candidates in ballot order, and hasVoted")
  public BallotForm ballot(@PathParam("id") long id) {
    return rounds.ballotForm(id, caller.id());
  }

  @POST
  @Path("{id}/ballots")
  @RolesAllowed(Roles.MEMBER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Cast a ranked ballot (secret; through the vote ingest)",
      description =
          "ranking: nomination ids, best first. 201 with the receipt, the nonce and the ranking"
              + " as ballot positions; keep them to find the ballot in the published file. 409"
              + " already-voted; 409 wrong-phase; 403 not-eligible.")
  public CompletionStage<Response> cast(@PathParam("id") long id, BallotRequest body) {
    SelectionVotes.Queued queued = votes.cast(id, caller.require(), required(body).ranking());
    return queued
        .outcome()
        .thenApply(
            outcome -> {
              if (outcome instanceof BallotOutcome.Cast) {
                return Response.status(201).entity(queued.receipt()).build();
              }
              if (outcome instanceof BallotOutcome.AlreadyVoted) {
                return Problem.of(
                    DomainException.conflict(
                        "already-voted",
                        "Already voted",
                        "You have already cast your ballot in round " + id + "."));
              }
              if (outcome instanceof BallotOutcome.NotVoting) {
                return Problem.of(
                    DomainException.conflict(
                        "wrong-phase", "Not now", "Round " + id + " does not take ballots now."));
              }
              return Problem.of(DomainException.notFound("Round", id));
            });
  }

  // ---- count and results ----

  @POST
  @Path("{id}/count")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(
      summary = "Count a closed election and publish it (community manager; audited)",
      description =
          "Winners become delegates. 409 wrong-phase before voting closes; 409"
              + " already-counted. A sortition round is drawn instead (the body is the"
              + " published draw, as GET /draw); 422 sortition-infeasible names the quota the"
              + " pool cannot meet; 409 pool-too-small.")
  public Response count(@PathParam("id") long id) {
    MemberId manager = caller.requireRole(Roles.COMMUNITY_MANAGER);
    if (rounds.round(id).selectionMethod() == SelectionMethod.SORTITION) {
      return Response.ok(draws.draw(manager, id)).build();
    }
    return Response.ok(publication.count(manager, id)).build();
  }

  @GET
  @Path("{id}/draw")
  @PermitAll
  @Operation(
      summary = "The published sortition draw",
      description =
          "Every volunteer's selection probability, the drawn panel, the distribution over panels,"
              + " the seed and the SHA-256s of the files and of the result.")
  public JsonObject draw(@PathParam("id") long id) {
    return draws.view(id);
  }

  @GET
  @Path("{id}/draw/result.json")
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The draw's result exactly as stored; its SHA-256 is resultSha256")
  public Response drawResult(@PathParam("id") long id) {
    RoundDraws.StoredDraw d = draws.published(id);
    return Response.ok(d.resultJson())
        .header("Content-Disposition", "attachment; filename=\"round-" + id + "-draw.json\"")
        .header("X-Content-SHA256", d.resultSha256())
        .build();
  }

  @GET
  @Path("{id}/results")
  @PermitAll
  @Operation(summary = "The published count, round by round (votes in units of 10^-6)")
  public Results results(@PathParam("id") long id) {
    return publication.results(id);
  }

  @GET
  @Path("{id}/results/ballots.blt")
  @PermitAll
  @Produces("text/plain; charset=utf-8")
  @Operation(summary = "The anonymised ballots as .blt; its SHA-256 is in the results")
  public Response blt(@PathParam("id") long id) {
    var p = publication.publication(id);
    return Response.ok(p.blt())
        .header("Content-Disposition", "attachment; filename=\"round-" + id + ".blt\"")
        .header("X-Content-SHA256", p.sha256())
        .build();
  }

  @GET
  @Path("{id}/results/report.txt")
  @PermitAll
  @Produces("text/plain; charset=utf-8")
  @Operation(summary = "The count as an OpenSTV-style text report")
  public String report(@PathParam("id") long id) {
    return publication.reportText(id);
  }

  @GET
  @Path("{id}/results/receipts")
  @PermitAll
  @Operation(summary = "Every receipt with its .blt ballot line, so voters can find their ballot")
  public List<Receipt> receipts(@PathParam("id") long id) {
    return publication.receipts(id);
  }

  @GET
  @Path("{id}/pool")
  @PermitAll
  @Operation(summary = "The eligible volunteers a sortition draw chooses from, with attributes")
  public Pool pool(@PathParam("id") long id) {
    return rounds.pool(id);
  }

  @GET
  @Path("{id}/pool/categories.csv")
  @PermitAll
  @Produces("text/csv; charset=utf-8")
  @Operation(summary = "The round's quotas as the Sortition Foundation's categories.csv")
  public String categoriesCsv(@PathParam("id") long id) {
    return draws.files(id).categoriesCsv();
  }

  @GET
  @Path("{id}/pool/respondents.csv")
  @PermitAll
  @Produces("text/csv; charset=utf-8")
  @Operation(
      summary = "The pool as the Sortition Foundation's respondents.csv",
      description =
          "One row per volunteer: id (the nomination id), member_type, region, device_line"
              + " (\"none\" when missing). After the draw, the file it was made from.")
  public String respondentsCsv(@PathParam("id") long id) {
    return draws.files(id).respondentsCsv();
  }

  static String csvField(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  static Response answer(EndorsementOutcome outcome, String duplicateType, String detail) {
    if (outcome instanceof EndorsementOutcome.Counted c) {
      return Response.status(201).entity(new Count(c.subjectId(), c.total())).build();
    }
    if (outcome instanceof EndorsementOutcome.RecallReached r) {
      return Response.status(201).entity(new Count(r.delegateId(), r.total())).build();
    }
    if (outcome instanceof EndorsementOutcome.Duplicate) {
      return Problem.of(DomainException.conflict(duplicateType, "Already counted", detail));
    }
    if (outcome instanceof EndorsementOutcome.Closed closed) {
      return Problem.of(DomainException.conflict("wrong-phase", "Not now", closed.why() + "."));
    }
    EndorsementOutcome.NotFound none = (EndorsementOutcome.NotFound) outcome;
    return Problem.of(DomainException.notFound("Subject", none.subjectId()));
  }

  static <T> T required(T body) {
    if (body == null) {
      throw DomainException.invalid("body", "is required");
    }
    return body;
  }
}
