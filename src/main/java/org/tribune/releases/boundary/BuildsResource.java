package org.tribune.releases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.boundary.Problem;
import org.tribune.platform.entity.DomainException;
import org.tribune.releases.control.BuildVotes;
import org.tribune.releases.control.RatingOutcome;
import org.tribune.releases.control.VerdictOutcome;
import org.tribune.releases.entity.Build;

/** Builds over HTTP (docs/api.md, "Builds"). Translates requests into facade calls. */
@Path("builds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BuildsResource {

  private static final Logger LOG = Logger.getLogger(BuildsResource.class.getName());

  static final Set<String> TAGS =
      Set.of(
          "battery",
          "camera",
          "stability",
          "performance",
          "connectivity",
          "display",
          "audio",
          "apps",
          "other");
  static final Set<String> SEVERITIES = Set.of("P0", "P1", "P2", "P3");

  @Inject Builds builds;
  @Inject Testers testers;
  @Inject Publishing publishing;
  @Inject BuildVotes votes;
  @Inject CurrentMember current;
  @Inject org.tribune.releases.control.ReleaseSettings settings;

  public record Line(@NotNull @Size(min = 1, max = Build.MAX_LINE) String text, Long ideaId) {}

  public record NewBuild(
      @NotNull Long deviceId,
      @NotNull @Size(min = 1, max = Build.MAX_VERSION) String version,
      @NotNull Instant releaseAt,
      @Size(max = 200) String rolloutSteps,
      @Min(1) @Max(90) Integer rolloutDays,
      @Min(0) @Max(168) Integer earlyAccessHours,
      @NotNull @Size(min = 1, max = Build.MAX_LINES) List<@Valid @NotNull Line> changelog) {}

  public record Install(Instant installedAt) {}

  public record Rating(
      @NotNull @Min(1) @Max(5) Integer stars,
      @Size(max = 2000) String comment,
      @Size(max = 8) List<@NotNull String> tags) {}

  public record VerdictBody(
      @NotNull String verdict,
      String severity,
      @NotNull @Size(min = 1, max = 2000) String evidence,
      @Size(max = 300) String logRef) {}

  public record Reason(@NotNull @Size(min = 1, max = 1000) String reason) {}

  public record OverrideBody(
      @NotNull String decision, @NotNull @Size(min = 1, max = 1000) String reason) {}

  public record Resolution(@NotNull @Size(min = 1, max = 1000) String resolution) {}

  public record BrigadeDecision(
      @NotNull String decision, @NotNull @Size(min = 1, max = 1000) String note) {}

  public record InstallReceipt(long buildId, Instant installedAt, Instant canRateFrom) {}

  public record RatingReceipt(
      long buildId, int stars, boolean late, boolean changed, long count, Double mean) {}

  public record VerdictReceipt(
      long buildId, String verdict, boolean changed, long good, long bad) {}

  @POST
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(
      summary = "Publish a build (community manager)",
      description =
          "Changelog lines may name the idea they ship; in the same transaction those ideas"
              + " become shipped and their voters are asked whether it solved their problem. A"
              + " linked idea that is not planned, in progress, shipped or verified refuses the"
              + " whole publication (422 idea-cannot-ship). earlyAccessHours (0-168) overrides"
              + " the configured early access of trusted testers for this build.")
  public Response publish(@Valid @NotNull NewBuild build) {
    List<Build.Line> lines = new ArrayList<>();
    build.changelog().forEach(l -> lines.add(new Build.Line(l.text(), l.ideaId())));
    BuildView view =
        publishing.publish(
            build.deviceId(),
            build.version(),
            build.releaseAt(),
            build.rolloutSteps(),
            build.rolloutDays(),
            build.earlyAccessHours(),
            lines);
    return Response.status(201).entity(view).build();
  }

  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "One build: changelog, rollout, verdict, score and comparison")
  public BuildView get(@PathParam("id") long id) {
    return builds.view(id);
  }

  @POST
  @Path("{id: \\d+}/install")
  @RolesAllowed(Roles.MEMBER)
  @Operation(
      summary = "Report that I installed the build",
      description =
          "Stamped with the server's clock. An earlier install time (installedAt) is accepted"
              + " only from a phone's device token, at POST /api/v1/ota/installs; here it is"
              + " refused (400).")
  public Response install(@PathParam("id") long id, Install body) {
    if (body != null && body.installedAt() != null) {
      throw DomainException.invalid(
          "installedAt", "is accepted only from a device token (POST /api/v1/ota/installs)");
    }
    Instant at = builds.install(id);
    return Response.status(201)
        .entity(new InstallReceipt(id, at, at.plus(ratingMinimum())))
        .build();
  }

  @GET
  @Path("{id: \\d+}/ratings")
  @Operation(summary = "Recent ratings (late and excluded ones marked)")
  public List<Builds.RatingItem> ratings(@PathParam("id") long id) {
    return builds.ratings(id, 100);
  }

  @POST
  @Path("{id: \\d+}/ratings")
  @RolesAllowed(Roles.MEMBER)
  @Operation(
      summary = "Rate the build 1–5 (installers, after the minimum time on it)",
      description =
          "201 first rating, 200 a change within the window. 422 not-installed, 422"
              + " too-early-to-rate (eligibleAt), 409 rating-window-closed, 503 busy.")
  public CompletionStage<Response> rate(@PathParam("id") long id, @Valid @NotNull Rating rating) {
    MemberId member = current.require();
    String tags = tags(rating.tags());
    String comment =
        rating.comment() == null || rating.comment().isBlank() ? null : rating.comment().strip();
    return votes.rate(member, id, rating.stars(), comment, tags).thenApply(BuildsResource::rated);
  }

  @GET
  @Path("{id: \\d+}/verdicts")
  @Operation(summary = "Testers' verdicts (the device's testers, engineers, managers)")
  public List<Builds.VerdictItem> verdicts(@PathParam("id") long id) {
    return builds.verdicts(id);
  }

  @POST
  @Path("{id: \\d+}/verdicts")
  @RolesAllowed(Roles.MEMBER)
  @Operation(
      summary = "Give my verdict as a trusted tester",
      description =
          "verdict good|bad; severity P0–P3 required for bad; evidence; logRef. 403 not-a-tester,"
              + " 422 not-installed, 422 too-early-to-judge.")
  public CompletionStage<Response> verdict(
      @PathParam("id") long id, @Valid @NotNull VerdictBody body) {
    MemberId tester = current.require();
    boolean good;
    if ("good".equals(body.verdict())) {
      good = true;
    } else if ("bad".equals(body.verdict())) {
      good = false;
    } else {
      throw DomainException.invalid("verdict", "must be good or bad");
    }
    String severity = body.severity();
    if (!good && (severity == null || !SEVERITIES.contains(severity))) {
      throw DomainException.invalid("severity", "a bad verdict needs P0, P1, P2 or P3");
    }
    if (good && severity != null) {
      throw DomainException.invalid("severity", "only bad verdicts have a severity");
    }
    if (body.evidence().isBlank()) {
      throw DomainException.invalid("evidence", "is required");
    }
    String logRef = body.logRef() == null || body.logRef().isBlank() ? null : body.logRef().strip();
    testers.refresh(tester);
    return votes
        .verdict(tester, id, good, severity, body.evidence().strip(), logRef)
        .thenApply(
            outcome -> {
              if (outcome instanceof VerdictOutcome.Recorded) {
                judgeAfterVerdict(id);
              }
              return verdictAnswer(outcome);
            });
  }

  @POST
  @Path("{id: \\d+}/verdicts/{tester: \\d+}/confirmation")
  @RolesAllowed({Roles.RESPONDER, Roles.COMMUNITY_MANAGER})
  @Operation(summary = "An engineer confirms a tester's P0 report (fast track)")
  public BuildView confirm(@PathParam("id") long id, @PathParam("tester") long tester) {
    MemberId engineer = builds.requireEngineer();
    VerdictOutcome outcome = votes.confirm(id, new MemberId(tester), engineer);
    if (!(outcome instanceof VerdictOutcome.Confirmed)) {
      throw problem(outcome);
    }
    builds.judge(id);
    return builds.view(id);
  }

  @POST
  @Path("{id: \\d+}/rollout/halt")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Halt the rollout, with a reason")
  public BuildView halt(@PathParam("id") long id, @Valid @NotNull Reason reason) {
    return builds.halt(id, reason.reason());
  }

  @POST
  @Path("{id: \\d+}/rollout/resume")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Resume the rollout (same cohort, from the step it stopped at)")
  public BuildView resume(@PathParam("id") long id, @Valid @NotNull Reason reason) {
    return builds.resume(id, reason.reason());
  }

  @POST
  @Path("{id: \\d+}/override")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Override a bad verdict: ship_anyway or clear_verdict, with a public reason")
  public BuildView override(@PathParam("id") long id, @Valid @NotNull OverrideBody body) {
    return builds.override(id, body.decision(), body.reason());
  }

  @POST
  @Path("{id: \\d+}/stable")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Promote to the stable channel")
  public BuildView promote(@PathParam("id") long id) {
    return builds.promote(id);
  }

  @POST
  @Path("{id: \\d+}/follow-up/resolution")
  @RolesAllowed({Roles.RESPONDER, Roles.COMMUNITY_MANAGER})
  @Operation(summary = "Resolve the engineering follow-up of a bad build, with a public note")
  public BuildView resolve(@PathParam("id") long id, @Valid @NotNull Resolution body) {
    return builds.resolveFollowUp(id, body.resolution());
  }

  @GET
  @Path("{id: \\d+}/brigades")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Rating days flagged as possible brigades, and reviewed days")
  public List<Builds.BrigadeDay> brigades(@PathParam("id") long id) {
    return builds.brigades(id);
  }

  @POST
  @Path("{id: \\d+}/brigades/{day}")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Judge a day: brigade (excluded from the score, kept visible) or genuine")
  public List<Builds.BrigadeDay> review(
      @PathParam("id") long id,
      @PathParam("day") String day,
      @Valid @NotNull BrigadeDecision body) {
    LocalDate date;
    try {
      date = LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("day", "must be a date like 2026-11-23");
    }
    if (!"brigade".equals(body.decision()) && !"genuine".equals(body.decision())) {
      throw DomainException.invalid("decision", "must be brigade or genuine");
    }
    return builds.review(id, date, "brigade".equals(body.decision()), body.note());
  }

  /**
   * The verdict is durable whatever happens here; if judging fails (say, two instances judging the
   * same build at once), the next verdict or the next read after the window judges again.
   */
  private void judgeAfterVerdict(long id) {
    try {
      builds.judge(id);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not apply the bad-build rule to build " + id, e);
    }
  }

  private java.time.Duration ratingMinimum() {
    return settings.ratingWindow().minimumOnBuild();
  }

  private static String tags(List<String> tags) {
    if (tags == null || tags.isEmpty()) {
      return null;
    }
    List<String> clean = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      if (!TAGS.contains(tag)) {
        throw DomainException.invalid("tags[" + i + "]", "must be one of " + TAGS);
      }
      if (!clean.contains(tag)) {
        clean.add(tag);
      }
    }
    return String.join(",", clean);
  }

  static Response rated(RatingOutcome outcome) {
    if (outcome instanceof RatingOutcome.Rated r) {
      return Response.status(r.changed() ? 200 : 201)
          .entity(
              new RatingReceipt(
                  r.buildId(),
                  r.stars(),
                  r.late(),
                  r.changed(),
                  r.score().total(),
                  r.score().mean()))
          .build();
    }
    if (outcome instanceof RatingOutcome.NoSuchBuild none) {
      return Problem.of(DomainException.notFound("Build", none.buildId()));
    }
    if (outcome instanceof RatingOutcome.NotInstalled) {
      return Problem.of(
          DomainException.unprocessable(
              "not-installed",
              "Not installed",
              "Report that you installed this build before rating it."));
    }
    if (outcome instanceof RatingOutcome.TooEarly early) {
      return Problem.of(
          DomainException.unprocessable(
                  "too-early-to-rate",
                  "Too early to rate",
                  "A rating counts after time on the build; you can rate from "
                      + early.eligibleAt()
                      + ".")
              .with("eligibleAt", early.eligibleAt().toString()));
    }
    if (outcome instanceof RatingOutcome.WindowClosed closed) {
      return Problem.of(
          DomainException.conflict(
                  "rating-window-closed",
                  "Rating window closed",
                  "The rating window closed at " + closed.closedAt() + "; your rating stays.")
              .with("closedAt", closed.closedAt().toString()));
    }
    throw new IllegalStateException("Unexpected outcome " + outcome);
  }

  static Response verdictAnswer(VerdictOutcome outcome) {
    if (outcome instanceof VerdictOutcome.Recorded r) {
      return Response.status(r.changed() ? 200 : 201)
          .entity(
              new VerdictReceipt(
                  r.buildId(),
                  r.good() ? "good" : "bad",
                  r.changed(),
                  r.tally().good(),
                  r.tally().bad()))
          .build();
    }
    return Problem.of(problem(outcome));
  }

  static DomainException problem(VerdictOutcome outcome) {
    if (outcome instanceof VerdictOutcome.NoSuchBuild none) {
      return DomainException.notFound("Build", none.buildId());
    }
    if (outcome instanceof VerdictOutcome.NotTester) {
      return new DomainException(
          DomainException.Kind.FORBIDDEN,
          "not-a-tester",
          "Not a trusted tester",
          "Only active trusted testers of this build's device give verdicts.");
    }
    if (outcome instanceof VerdictOutcome.NotInstalled) {
      return DomainException.unprocessable(
          "not-installed", "Not installed", "Report that you installed this build first.");
    }
    if (outcome instanceof VerdictOutcome.TooEarly early) {
      return DomainException.unprocessable(
              "too-early-to-judge",
              "Too early to judge",
              "Verdicts count after time on the build; from " + early.eligibleAt() + ".")
          .with("eligibleAt", early.eligibleAt().toString());
    }
    if (outcome instanceof VerdictOutcome.NoSuchVerdict none) {
      return DomainException.notFound("Verdict of tester", none.tester());
    }
    if (outcome instanceof VerdictOutcome.NotP0) {
      return DomainException.conflict(
          "not-p0", "Not a P0 report", "Only bad verdicts of severity P0 can be confirmed.");
    }
    throw new IllegalStateException("Unexpected outcome " + outcome);
  }
}
