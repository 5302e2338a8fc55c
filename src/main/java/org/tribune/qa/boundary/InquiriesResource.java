package org.tribune.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.qa.entity.Answer;
import org.tribune.qa.entity.Inquiry;
import org.tribune.qa.entity.InquiryKind;
import org.tribune.qa.entity.OutcomeClass;
import org.tribune.qa.entity.ReasonCode;
import org.tribune.qa.entity.Satisfaction;
import org.tribune.qa.entity.Wire;

/** Delegates' inquiries over HTTP (docs/api.md, "Q&amp;A"). Translates into {@link Inquiries}. */
@Path("qa/inquiries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InquiriesResource {

  @Inject Inquiries inquiries;
  @Context UriInfo uri;

  public record NewInquiry(
      @NotNull Long session,
      @NotNull String kind,
      @NotNull @Size(min = Inquiry.MIN_HEADING, max = Inquiry.MAX_HEADING) String heading,
      @NotBlank @Size(max = Inquiry.MAX_BODY) String text,
      @NotBlank @Size(max = Inquiry.MAX_INTEREST) String interest,
      @Size(max = Inquiry.MAX_LINKS) List<String> links,
      @Size(max = Inquiry.MAX_COSIGNERS) List<Long> cosigners,
      Boolean submit) {}

  public record Text(@NotBlank @Size(max = Answer.MAX_BODY) String text) {}

  public record Reason(@Size(max = Inquiry.MAX_DETAIL) String reason) {}

  public record Classification(@NotNull String satisfaction) {}

  public record TriageDecision(
      @NotNull String decision,
      String reasonCode,
      @Size(max = Inquiry.MAX_DETAIL) String note,
      Long into) {}

  public record Assignment(@NotNull Long department, Integer workingDays, LocalDate priorityDate) {}

  public record Draft(
      @NotBlank @Size(max = Answer.MAX_BODY) String text, @NotNull String outcome) {}

  public record Transfer(@NotNull Long department) {}

  @GET
  @Operation(summary = "Public list of inquiries (not drafts): session, state, department filters")
  public List<InquirySummary> list(
      @QueryParam("session") Long session,
      @QueryParam("state") String state,
      @QueryParam("department") Long department) {
    return inquiries.list(session, state == null || state.isEmpty() ? null : state, department);
  }

  @GET
  @Path("rules")
  @Operation(summary = "The admissibility rules in force")
  public Map<String, Integer> rules() {
    return Map.of(
        "maxLength", inquiries.rules().maxLength(),
        "maxSubQuestions", inquiries.rules().maxSubQuestions());
  }

  @GET
  @Path("repeats")
  @Operation(summary = "Inquiries answered in the last six months that look like a draft")
  public List<InquiryView> repeats(@QueryParam("q") String q) {
    if (q == null || q.isBlank() || q.length() > Inquiry.MAX_BODY) {
      throw DomainException.invalid("q", "must be 1–" + Inquiry.MAX_BODY + " characters");
    }
    return inquiries.repeats(q);
  }

  @POST
  @RolesAllowed(Roles.DELEGATE)
  @Operation(summary = "File an inquiry as a draft, or submit it at once (delegate of the session)")
  public Response file(@Valid @NotNull NewInquiry n) {
    InquiryView created =
        inquiries.file(
            new Inquiries.Filing(
                n.session(),
                Wire.parse(InquiryKind.class, "kind", n.kind()),
                n.heading(),
                n.text(),
                n.interest(),
                n.links(),
                n.cosigners(),
                Boolean.TRUE.equals(n.submit())));
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("mine")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "The caller's own inquiries, drafts included")
  public List<InquirySummary> mine() {
    return inquiries.mine();
  }

  @GET
  @Path("triage")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "The triage queue (community manager)")
  public List<InquirySummary> triageQueue() {
    return inquiries.triageQueue();
  }

  @GET
  @Path("inbox")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "The caller's departments' inquiries (lead or responder)")
  public List<InquirySummary> inbox(@QueryParam("department") Long department) {
    return inquiries.inbox(department);
  }

  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "One inquiry with its answers and history")
  public InquiryView get(@PathParam("id") long id) {
    return inquiries.get(id);
  }

  @POST
  @Path("{id: \\d+}/attachments")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Roles.DELEGATE)
  @Operation(
      summary = "Attach a file to a draft (author): multipart/form-data, part 'file'",
      description = "PDF, PNG, JPEG or UTF-8 text, at most TRIBUNE_QA_ATTACHMENT_MAX_BYTES.")
  public Response attach(@PathParam("id") long id, @FormParam("file") EntityPart file)
      throws IOException {
    if (file == null) {
      throw DomainException.invalid("file", "a part named 'file' is required");
    }
    int max = inquiries.attachmentRules().maxBytes();
    byte[] content;
    try (InputStream in = file.getContent()) {
      content = in.readNBytes(max + 1);
    }
    InquiryView.AttachmentView created =
        inquiries.attach(
            id,
            file.getFileName().orElse(null),
            file.getMediaType() == null ? null : file.getMediaType().toString(),
            content);
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{id: \\d+}/attachments/{attachment: \\d+}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download an attachment (public with its inquiry; a draft's to its author)")
  public Response download(@PathParam("id") long id, @PathParam("attachment") long attachment) {
    Inquiries.Download file = inquiries.attachment(id, attachment);
    return Response.ok(file.content(), file.contentType())
        .header("Content-Disposition", contentDisposition(file.fileName()))
        .header("Content-Length", file.content().length)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header(
            "Repr-Digest",
            "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256()))
                + ":")
        .tag(file.sha256())
        .header("Cache-Control", file.draft() ? "private, no-store" : "public, max-age=86400")
        .build();
  }

  @DELETE
  @Path("{id: \\d+}/attachments/{attachment: \\d+}")
  @RolesAllowed(Roles.DELEGATE)
  @Operation(summary = "Remove an attachment from a draft (author)")
  public Response detach(@PathParam("id") long id, @PathParam("attachment") long attachment) {
    inquiries.detach(id, attachment);
    return Response.noContent().build();
  }

  /** RFC 6266: an ASCII fallback and the exact name in RFC 5987 encoding. */
  static String contentDisposition(String fileName) {
    StringBuilder ascii = new StringBuilder();
    for (char c : fileName.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
    }
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  @POST
  @Path("{id: \\d+}/submission")
  @RolesAllowed(Roles.DELEGATE)
  @Operation(summary = "Submit a draft (author)")
  public InquiryView submit(@PathParam("id") long id) {
    return inquiries.submit(id);
  }

  @POST
  @Path("{id: \\d+}/clarification")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Answer a clarification request; the clock restarts (author)")
  public InquiryView clarify(@PathParam("id") long id, @Valid @NotNull Text text) {
    return inquiries.clarify(id, text.text());
  }

  @POST
  @Path("{id: \\d+}/withdrawal")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Withdraw; the inquiry stays visible (author)")
  public InquiryView withdraw(@PathParam("id") long id, @Valid Reason reason) {
    return inquiries.withdraw(id, reason == null ? null : reason.reason());
  }

  @POST
  @Path("{id: \\d+}/classification")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Classify the published answer: satisfied, partly, not_satisfied (author)")
  public InquiryView classify(@PathParam("id") long id, @Valid @NotNull Classification c) {
    return inquiries.classify(id, Wire.parse(Satisfaction.class, "satisfaction", c.satisfaction()));
  }

  @POST
  @Path("{id: \\d+}/revision-request")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Ask the department for a revised answer (author)")
  public InquiryView requestRevision(@PathParam("id") long id, @Valid @NotNull Reason reason) {
    return inquiries.requestRevision(id, reason.reason());
  }

  @POST
  @Path("{id: \\d+}/triage")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Admit, reject (reason code), merge (into) or ask for a clarification")
  public InquiryView triage(@PathParam("id") long id, @Valid @NotNull TriageDecision t) {
    ReasonCode code =
        t.reasonCode() == null ? null : Wire.parse(ReasonCode.class, "reasonCode", t.reasonCode());
    return inquiries.triage(id, new Inquiries.Triage(t.decision(), code, t.note(), t.into()));
  }

  @POST
  @Path("{id: \\d+}/assignment")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Assign to a department: due in workingDays (default 10), optional priority")
  public InquiryView assign(@PathParam("id") long id, @Valid @NotNull Assignment a) {
    return inquiries.assign(
        id, a.department(), a.workingDays() == null ? 10 : a.workingDays(), a.priorityDate());
  }

  @PUT
  @Path("{id: \\d+}/answer")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Write or change the answer draft (department responder or lead)")
  public InquiryView draft(@PathParam("id") long id, @Valid @NotNull Draft d) {
    return inquiries.draftAnswer(
        id, d.text(), Wire.parse(OutcomeClass.class, "outcome", d.outcome()));
  }

  @POST
  @Path("{id: \\d+}/answer/approval")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Approve the draft (department lead); published at once or held")
  public InquiryView approve(@PathParam("id") long id) {
    return inquiries.approve(id);
  }

  @POST
  @Path("{id: \\d+}/holding-answers")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Give an interim holding answer; the clock keeps running (department)")
  public Response holding(@PathParam("id") long id, @Valid @NotNull Text text) {
    return Response.status(201).entity(inquiries.holdingAnswer(id, text.text())).build();
  }

  @POST
  @Path("{id: \\d+}/corrections")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Append a correction to the published answer (department lead)")
  public Response correct(@PathParam("id") long id, @Valid @NotNull Text text) {
    return Response.status(201).entity(inquiries.correct(id, text.text())).build();
  }

  @POST
  @Path("{id: \\d+}/transfer")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Ask another department to take the inquiry over (responsible department)")
  public InquiryView transfer(@PathParam("id") long id, @Valid @NotNull Transfer t) {
    return inquiries.requestTransfer(id, t.department());
  }

  @POST
  @Path("{id: \\d+}/transfer/acceptance")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Accept a transfer (receiving department); it becomes responsible")
  public InquiryView acceptTransfer(@PathParam("id") long id) {
    return inquiries.acceptTransfer(id);
  }

  @POST
  @Path("{id: \\d+}/transfer/refusal")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Decline a transfer (receiving department)")
  public InquiryView declineTransfer(@PathParam("id") long id) {
    return inquiries.declineTransfer(id);
  }

  @POST
  @Path("{id: \\d+}/publication")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Release a held answer outside the live session (community manager)")
  public InquiryView publish(@PathParam("id") long id) {
    return inquiries.publish(id);
  }
}
