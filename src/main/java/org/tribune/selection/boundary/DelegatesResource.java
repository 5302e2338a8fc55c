package org.tribune.selection.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.Roles;
import org.tribune.selection.boundary.RoundViews.DelegateView;
import org.tribune.selection.control.EndorsementOutcome;

/** Delegates' public records and recall petitions. */
@Path("selection/delegates")
@Produces(MediaType.APPLICATION_JSON)
public class DelegatesResource {

  @Inject RoundPublication publication;
  @Inject SelectionVotes votes;
  @Inject CurrentMember caller;

  @GET
  @PermitAll
  @Operation(summary = "Delegates (serving ones unless all=true), newest term first")
  public List<DelegateView> list(@QueryParam("all") @DefaultValue("false") boolean all) {
    return publication.delegates(!all);
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(
      summary = "A delegate's public record",
      description = "inquiries and sessionsAttended stay empty until the Q&A component exists.")
  public DelegateView get(@PathParam("id") long id) {
    return publication.delegate(id);
  }

  @POST
  @Path("{id}/end-term")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "End a delegate's term now (community manager; audited)",
      description =
          "For a resignation, say. The term job then vacates the seat and removes the delegate"
              + " role, as when a term runs out. 400 without a reason; 409 when not serving.")
  public DelegateView endTerm(@PathParam("id") long id, RoundViews.Reason body) {
    publication.endTermNow(
        caller.requireRole(Roles.COMMUNITY_MANAGER), id, RoundsResource.required(body).reason());
    return publication.delegate(id);
  }

  @POST
  @Path("{id}/recall-signatures")
  @RolesAllowed(Roles.MEMBER)
  @Operation(
      summary = "Sign the recall petition (through the vote ingest)",
      description =
          "At the round's threshold the delegate is recalled and a new round for the"
              + " seat opens. 409 already-signed; 409 wrong-phase when not serving.")
  public CompletionStage<Response> sign(@PathParam("id") long id) {
    return votes
        .signRecall(id, caller.require())
        .thenApply(
            outcome -> {
              if (outcome instanceof EndorsementOutcome.RecallReached) {
                publication.recall(id);
              }
              return RoundsResource.answer(
                  outcome, "already-signed", "You have already signed this petition.");
            });
  }
}
