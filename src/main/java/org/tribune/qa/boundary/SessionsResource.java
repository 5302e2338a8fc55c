package org.tribune.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.qa.entity.QaSession;
import org.tribune.qa.entity.ReleaseMode;
import org.tribune.qa.entity.Wire;

/** Q&amp;A sessions, their agenda and live state (docs/api.md, "Q&amp;A sessions"). */
@Path("qa/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

  @Inject Sessions sessions;
  @Inject LiveRelay relay;

  public record NewSession(
      @NotNull @Size(min = 1, max = QaSession.MAX_TITLE) String title,
      @NotNull LocalDate date,
      @NotNull Instant filingOpens,
      @NotNull Instant filingCloses,
      String releaseMode,
      @Size(max = 500) List<Long> delegates) {}

  public record Record(
      @Size(max = QaSession.MAX_URL) String videoUrl,
      @Size(max = QaSession.MAX_URL) String transcriptUrl,
      @Size(max = QaSession.MAX_MINUTES) String minutes) {}

  public record Agenda(@NotNull @Size(min = 1, max = 200) List<Long> inquiries) {}

  public record Control(@NotNull String action, Long inquiry) {}

  @GET
  @Operation(summary = "Sessions, newest first")
  public List<SessionView> list() {
    return sessions.list();
  }

  @POST
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Create a session (community manager)")
  public Response create(@Valid @NotNull NewSession s) {
    SessionView created =
        sessions.create(
            new Sessions.NewSession(
                s.title(),
                s.date(),
                s.filingOpens(),
                s.filingCloses(),
                s.releaseMode() == null
                    ? null
                    : Wire.parse(ReleaseMode.class, "releaseMode", s.releaseMode()),
                s.delegates()));
    return Response.status(201).entity(created).build();
  }

  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "One session with its delegates and agenda")
  public SessionView get(@PathParam("id") long id) {
    return sessions.get(id);
  }

  @PATCH
  @Path("{id: \\d+}")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Set the video and transcript links and the minutes")
  public SessionView record(@PathParam("id") long id, @Valid @NotNull Record r) {
    return sessions.record(id, r.videoUrl(), r.transcriptUrl(), r.minutes());
  }

  @PUT
  @Path("{id: \\d+}/agenda")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Order the agenda (community manager)")
  public SessionView agenda(@PathParam("id") long id, @Valid @NotNull Agenda a) {
    return sessions.agenda(id, a.inquiries());
  }

  @POST
  @Path("{id: \\d+}/live")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Live controls: start, show, discussed, release, end (community manager)")
  public LiveView control(@PathParam("id") long id, @Valid @NotNull Control c) {
    Sessions.LiveAction action;
    try {
      action = Sessions.LiveAction.valueOf(c.action().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "action", "must be one of start, show, discussed, release, end");
    }
    return sessions.control(id, action, c.inquiry());
  }

  @GET
  @Path("{id: \\d+}/live/state")
  @Operation(summary = "The live state once, as JSON")
  public LiveView liveState(@PathParam("id") long id) {
    return sessions.live(id);
  }

  /**
   * The live state as server-sent events: one {@code state} event now (unless {@code Last-Event-ID}
   * names the current state) and one after every change, on whichever instance it was committed; a
   * comment now and then keeps the stream open. The request thread is released at once; the
   * connection stays open without a thread.
   */
  @GET
  @Path("{id: \\d+}/live")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Watch the live state (text/event-stream, event name 'state')")
  public void watch(
      @PathParam("id") long id,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    relay.watch(id, sessions.live(id), lastEventId, sink, sse);
  }
}
