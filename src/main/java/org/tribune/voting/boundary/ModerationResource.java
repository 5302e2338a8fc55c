package org.tribune.voting.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.voting.entity.ModerationDecision.Verdict;

/** The community managers' queue of flagged ideas and their decisions on them. */
@Path("moderation/ideas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COMMUNITY_MANAGER)
public class ModerationResource {

  @Inject Ideas ideas;

  public record Decision(@NotNull String decision, @NotBlank @Size(max = 1000) String reason) {}

  @GET
  @Operation(
      summary = "Flagged ideas awaiting review, with their flags (community manager)",
      description = "Hidden ideas first, then by number of flags; limit 1–100 (default 50).")
  public Page<FlaggedIdea> flagged(
      @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
    Paging paging = Paging.of(limit, offset, 50);
    return ideas.flagged(paging.limit(), paging.offset());
  }

  @POST
  @Path("{id: \\d+}")
  @Operation(
      summary = "Restore a flagged idea or keep it hidden, with a reason (community manager)")
  public IdeaDetail decide(@PathParam("id") long id, @Valid @NotNull Decision decision) {
    Verdict verdict =
        Verdict.fromWire(decision.decision())
            .orElseThrow(
                () -> DomainException.invalid("decision", "must be restore or keep_hidden"));
    return ideas.moderate(id, verdict, decision.reason());
  }
}
