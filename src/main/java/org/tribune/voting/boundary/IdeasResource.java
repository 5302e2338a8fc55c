package org.tribune.voting.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.voting.control.IdeaVotes.MergeResult;
import org.tribune.voting.entity.IdeaStatus;
import org.tribune.voting.entity.IdeaText;

/** Feature ideas over HTTP (docs/api.md, "Ideas"). Translates requests into {@link Ideas} calls. */
@Path("ideas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdeasResource {

  static final int MAX_QUERY = 1000;

  @Inject Ideas ideas;
  @Context UriInfo uri;

  public record NewIdea(
      @NotNull @Size(min = IdeaText.MIN_TITLE, max = IdeaText.MAX_TITLE) String title,
      @NotNull @Size(min = IdeaText.MIN_BODY, max = IdeaText.MAX_BODY) String body) {}

  /** Either part may be left out; at least one is needed. */
  public record IdeaEdit(
      @Size(min = IdeaText.MIN_TITLE, max = IdeaText.MAX_TITLE) String title,
      @Size(min = IdeaText.MIN_BODY, max = IdeaText.MAX_BODY) String body) {}

  public record TextBody(@NotNull @Size(min = 1, max = 4000) String body) {}

  public record StatusStep(
      @NotNull String status,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 100) String targetBuild) {}

  public record MergeRequest(@NotNull Long into, @NotBlank @Size(max = 1000) String reason) {}

  public record FlagRequest(@NotBlank @Size(max = 500) String reason) {}

  @GET
  @Operation(
      summary = "List and search ideas",
      description =
          "sort=top|trending|new (default top), status, q (every word must appear), limit 1–100"
              + " (default 20), offset. Hidden ideas are listed only for community managers.")
  public Page<IdeaSummary> list(
      @QueryParam("sort") String sort,
      @QueryParam("status") String status,
      @QueryParam("q") String q,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    IdeaSort order =
        sort == null || sort.isEmpty()
            ? IdeaSort.TOP
            : IdeaSort.fromWire(sort)
                .orElseThrow(() -> DomainException.invalid("sort", "must be one of " + sorts()));
    IdeaStatus filter = status == null || status.isEmpty() ? null : status("status", status);
    Paging paging = Paging.of(limit, offset, 20);
    return ideas.list(
        new IdeaQuery(order, filter, query(q, false), paging.limit(), paging.offset()));
  }

  @GET
  @Path("similar")
  @Operation(summary = "Up to 5 visible ideas similar to a draft title, most similar first")
  public List<IdeaSummary> similar(@QueryParam("q") String q) {
    return ideas.similar(query(q, true));
  }

  @POST
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Submit an idea (member)")
  public Response submit(@Valid @NotNull NewIdea idea) {
    IdeaDetail created = ideas.submit(idea.title(), idea.body());
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "One idea with its history, clarifications and the caller's relation to it")
  public IdeaDetail get(@PathParam("id") long id) {
    return ideas.get(id);
  }

  @PATCH
  @Path("{id: \\d+}")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Edit title and/or body (author, before the first vote)")
  public IdeaDetail edit(@PathParam("id") long id, @Valid @NotNull IdeaEdit edit) {
    return ideas.edit(id, edit.title(), edit.body());
  }

  @POST
  @Path("{id: \\d+}/clarifications")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Append a clarification (author)")
  public Response clarify(@PathParam("id") long id, @Valid @NotNull TextBody text) {
    return Response.status(201).entity(ideas.clarify(id, text.body())).build();
  }

  @POST
  @Path("{id: \\d+}/status")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Move the idea along its life cycle, with a reason (community manager)")
  public IdeaDetail changeStatus(@PathParam("id") long id, @Valid @NotNull StatusStep change) {
    return ideas.changeStatus(
        id, status("status", change.status()), change.reason(), change.targetBuild());
  }

  @POST
  @Path("{id: \\d+}/merge")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Merge the idea into another as a duplicate (community manager)")
  public MergeResult merge(@PathParam("id") long id, @Valid @NotNull MergeRequest merge) {
    return ideas.merge(id, merge.into(), merge.reason());
  }

  @GET
  @Path("{id: \\d+}/comments")
  @Operation(summary = "Comments, oldest first")
  public Page<CommentView> comments(
      @PathParam("id") long id,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    Paging paging = Paging.of(limit, offset, 50);
    return ideas.comments(id, paging.limit(), paging.offset());
  }

  @POST
  @Path("{id: \\d+}/comments")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Comment on an idea (member)")
  public Response comment(@PathParam("id") long id, @Valid @NotNull TextBody text) {
    return Response.status(201).entity(ideas.comment(id, text.body())).build();
  }

  @PUT
  @Path("{id: \\d+}/follow")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Follow an idea (member); repeating it changes nothing")
  public Response follow(@PathParam("id") long id) {
    ideas.follow(id);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id: \\d+}/follow")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Stop following an idea (member)")
  public Response unfollow(@PathParam("id") long id) {
    ideas.unfollow(id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id: \\d+}/flags")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Flag an idea for moderation (member, once per idea)")
  public Response flag(@PathParam("id") long id, @Valid @NotNull FlagRequest flag) {
    return Response.status(201).entity(ideas.flag(id, flag.reason())).build();
  }

  static IdeaStatus status(String field, String value) {
    return IdeaStatus.fromWire(value)
        .orElseThrow(
            () ->
                DomainException.invalid(
                    field,
                    "must be one of "
                        + Arrays.stream(IdeaStatus.values())
                            .map(IdeaStatus::wire)
                            .collect(Collectors.joining(", "))));
  }

  private static String query(String q, boolean required) {
    if (q == null || q.isBlank()) {
      if (required) {
        throw DomainException.invalid("q", "is required");
      }
      return null;
    }
    if (q.length() > MAX_QUERY) {
      throw DomainException.invalid("q", "must be at most " + MAX_QUERY + " characters");
    }
    return q;
  }

  private static String sorts() {
    return Arrays.stream(IdeaSort.values()).map(IdeaSort::wire).collect(Collectors.joining(", "));
  }
}
