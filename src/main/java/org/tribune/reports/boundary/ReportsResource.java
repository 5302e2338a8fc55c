package org.tribune.reports.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.reports.control.DocumentJson;
import org.tribune.reports.control.OpenData;
import org.tribune.reports.control.RenderCache;
import org.tribune.reports.control.ReportHtml;
import org.tribune.reports.entity.Report;
import org.tribune.reports.entity.ReportDocument;
import org.tribune.reports.entity.ReportKind;

/** Outcome reports (docs/api.md, "Outcome reports"; the open data in docs/open-data.md). */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportsResource {

  public static final int MAX_LIST = 200;

  static final String PDF = "application/pdf";
  static final MediaType PDF_TYPE = MediaType.valueOf(PDF);

  /** What the version's own URL offers besides JSON, in order of preference. */
  static final List<Variant> BY_ACCEPT =
      Variant.mediaTypes(MediaType.TEXT_HTML_TYPE, PDF_TYPE).add().build();

  /**
   * How long browsers and the proxy may keep a rendering or file of a published version: a day,
   * shared caches included; {@code immutable} since the version never changes.
   */
  static final String PUBLISHED_CACHE = "public, max-age=86400, immutable";

  @Inject Reports reports;
  @Inject CurrentMember current;
  @Inject ReportRenderings renderings;

  public record NewDraft(
      @NotNull @Size(max = 20) String kind, @NotNull @Size(max = 40) String subject) {}

  public record DraftEdit(
      @Size(max = Report.MAX_TITLE) String title,
      @Size(max = Report.MAX_SUMMARY) String summary,
      @Size(max = Report.MAX_CHANGE_NOTE) String changeNote) {}

  public record Publication(@Size(max = Report.MAX_CHANGE_NOTE) String changeNote) {}

  // ---- public ----

  @GET
  @PermitAll
  @Operation(summary = "Published reports (the newest version of each), newest first")
  public JsonArray list(@QueryParam("kind") String kind, @QueryParam("limit") Integer limit) {
    int n = limit == null ? 50 : limit;
    if (n < 1 || n > MAX_LIST) {
      throw DomainException.invalid("limit", "must be between 1 and " + MAX_LIST);
    }
    return array(reports.published(kind == null || kind.isBlank() ? null : kind(kind), n), false);
  }

  @GET
  @Path("{kind: weekly|session|selection|scoreboard}/{subject}")
  @PermitAll
  @Operation(summary = "Every published version of one report")
  public JsonArray versions(@PathParam("kind") String kind, @PathParam("subject") String subject) {
    List<Report> versions = reports.versions(kind(kind), subject, false);
    if (versions.isEmpty()) {
      throw DomainException.notFound("Report", kind + "/" + subject);
    }
    return array(versions, false);
  }

  @GET
  @Path("{kind: weekly|session|selection|scoreboard}/{subject}/versions/{n: \\d{1,6}}")
  @PermitAll
  @Operation(summary = "One published version with its document")
  public JsonObject version(
      @PathParam("kind") String kind, @PathParam("subject") String subject, @PathParam("n") int n) {
    return ReportViews.of(reports.publishedVersion(kind(kind), subject, n), true);
  }

  @GET
  @Path("{kind: weekly|session|selection|scoreboard}/{subject}/versions/{n: \\d{1,6}}")
  @PermitAll
  @Produces({MediaType.TEXT_HTML, PDF})
  @Operation(
      summary =
          "One published version as a printable XHTML page or a PDF, by Accept"
              + " (language: ?lang= or Accept-Language)")
  public Response byAccept(
      @PathParam("kind") String kind,
      @PathParam("subject") String subject,
      @PathParam("n") int n,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context Request request) {
    Variant chosen = request.selectVariant(BY_ACCEPT);
    ReportRenderings.Format format =
        chosen != null && chosen.getMediaType().isCompatible(PDF_TYPE)
            ? ReportRenderings.Format.PDF
            : ReportRenderings.Format.PAGE;
    return rendered(kind, subject, n, lang, headers, request, format);
  }

  @GET
  @Path(
      "{kind: weekly|session|selection|scoreboard}/{subject}/versions/{n: \\d{1,6}}/{file: report\\.html|report\\.pdf|fragment\\.html}")
  @PermitAll
  @Produces({MediaType.TEXT_HTML, PDF})
  @Operation(
      summary =
          "For links (a browser cannot choose by Accept): report.html, the printable page;"
              + " report.pdf, the PDF; fragment.html, the report as one <article> element for the"
              + " portal (style: report.css)")
  public Response file(
      @PathParam("kind") String kind,
      @PathParam("subject") String subject,
      @PathParam("n") int n,
      @PathParam("file") String file,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context Request request) {
    ReportRenderings.Format format =
        switch (file) {
          case "report.pdf" -> ReportRenderings.Format.PDF;
          case "fragment.html" -> ReportRenderings.Format.FRAGMENT;
          default -> ReportRenderings.Format.PAGE;
        };
    return rendered(kind, subject, n, lang, headers, request, format);
  }

  @GET
  @Path("report.css")
  @PermitAll
  @Produces("text/css")
  @Operation(summary = "The stylesheet of report pages and fragments")
  public Response stylesheet() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(3600);
    return Response.ok(ReportHtml.stylesheet(), "text/css;charset=utf-8")
        .cacheControl(cache)
        .build();
  }

  @GET
  @Path(
      "{kind: weekly|session|selection|scoreboard}/{subject}/versions/{n: \\d{1,6}}/document.json")
  @PermitAll
  @Operation(summary = "The frozen document, byte for byte the text whose SHA-256 is in the ledger")
  public Response document(
      @PathParam("kind") String kind,
      @PathParam("subject") String subject,
      @PathParam("n") int n,
      @Context Request request) {
    Report r = reports.publishedVersion(kind(kind), subject, n);
    return immutable(
        request,
        r,
        r.document().getBytes(StandardCharsets.UTF_8),
        MediaType.APPLICATION_JSON + ";charset=utf-8",
        null);
  }

  @GET
  @Path(
      "{kind: weekly|session|selection|scoreboard}/{subject}/versions/{n: \\d{1,6}}/tables/{table: [a-z0-9_]{1,60}}.{format: csv|json}")
  @PermitAll
  @Operation(summary = "One table of a published version as CSV (RFC 4180) or JSON")
  public Response table(
      @PathParam("kind") String kind,
      @PathParam("subject") String subject,
      @PathParam("n") int n,
      @PathParam("table") String table,
      @PathParam("format") String format,
      @Context Request request) {
    Report r = reports.publishedVersion(kind(kind), subject, n);
    ReportDocument d = DocumentJson.parse(r.document());
    ReportDocument.Table t =
        d.tables().stream()
            .filter(x -> x.id().equals(table))
            .findFirst()
            .orElseThrow(() -> DomainException.notFound("Table", table));
    boolean csv = format.equals("csv");
    String body = csv ? OpenData.csv(t) : OpenData.json(t);
    return immutable(
        request,
        r,
        body.getBytes(StandardCharsets.UTF_8),
        csv
            ? "text/csv;charset=utf-8;header=present"
            : MediaType.APPLICATION_JSON + ";charset=utf-8",
        csv ? fileName(r, table + ".csv") : null);
  }

  @GET
  @Path("{kind: weekly|session|selection|scoreboard}/{subject}/versions/{n: \\d{1,6}}/bundle.zip")
  @PermitAll
  @Produces("application/zip")
  @Operation(summary = "The open-data bundle of a published version")
  public Response bundle(
      @PathParam("kind") String kind,
      @PathParam("subject") String subject,
      @PathParam("n") int n,
      @Context Request request) {
    Report r = reports.publishedVersion(kind(kind), subject, n);
    ReportRenderings.Format zip = ReportRenderings.Format.BUNDLE;
    return cached(
        request, r, renderings.bundle(r), null, zip.type, zip.disposition, fileName(r, "zip"));
  }

  // ---- community managers ----

  @GET
  @Path("drafts")
  @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
  @Operation(summary = "Drafts waiting for review")
  public JsonArray drafts() {
    return array(reports.drafts(), false);
  }

  @POST
  @Path("drafts")
  @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
  @Operation(summary = "Generate a draft of the next version of a report")
  public Response draft(@Valid @NotNull NewDraft body) {
    Report r = reports.draft(kind(body.kind()), body.subject(), current.require());
    return Response.status(201).entity(ReportViews.of(r, true)).build();
  }

  @GET
  @Path("drafts/{id: \\d{1,18}}")
  @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
  @Operation(summary = "One draft with its document")
  public JsonObject getDraft(@PathParam("id") long id) {
    return ReportViews.of(reports.draftById(id), true);
  }

  @GET
  @Path("drafts/{id: \\d{1,18}}/fragment.html")
  @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "A draft rendered as it will be published, for the review page")
  public Response draftFragment(
      @PathParam("id") long id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
    Report r = reports.draftById(id);
    Locale language = ReportRenderings.language(lang, headers.getAcceptableLanguages());
    ReportDocument d = DocumentJson.parse(r.document());
    ReportDocument shown =
        new ReportDocument(
            d.kind(),
            d.subject(),
            r.reportVersion(),
            r.title(),
            r.summary(),
            d.generatedAt(),
            null,
            r.reportVersion() > 1 ? r.changeNote() : null,
            d.figures(),
            d.tables(),
            d.charts());
    return Response.ok(ReportHtml.fragment(shown, language), "text/html;charset=utf-8")
        .header("Content-Language", language.toLanguageTag())
        .header("Cache-Control", "no-store")
        .build();
  }

  @PATCH
  @Path("drafts/{id: \\d{1,18}}")
  @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
  @Operation(summary = "Edit a draft's title, summary or change note")
  public JsonObject edit(@PathParam("id") long id, @Valid @NotNull DraftEdit body) {
    return ReportViews.of(reports.edit(id, body.title(), body.summary(), body.changeNote()), true);
  }

  @POST
  @Path("drafts/{id: \\d{1,18}}/regenerate")
  @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
  @Operation(summary = "Recompute a draft's figures from the current data")
  public JsonObject regenerate(@PathParam("id") long id) {
    return ReportViews.of(reports.regenerate(id), true);
  }

  @POST
  @Path("drafts/{id: \\d{1,18}}/publish")
  @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
  @Operation(summary = "Publish a draft: frozen, hashed, recorded in the response ledger")
  public JsonObject publish(@PathParam("id") long id, @Valid Publication body) {
    return ReportViews.of(
        reports.publish(id, body == null ? null : body.changeNote(), current.require()), false);
  }

  @DELETE
  @Path("drafts/{id: \\d{1,18}}")
  @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
  @Operation(summary = "Discard a draft")
  public Response discard(@PathParam("id") long id) {
    reports.discard(id);
    return Response.noContent().build();
  }

  // ---- helpers ----

  static ReportKind kind(String wire) {
    return ReportKind.fromWire(wire)
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "kind", "must be weekly, session, selection or scoreboard"));
  }

  private static JsonArray array(List<Report> list, boolean withDocument) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    list.forEach(r -> a.add(ReportViews.of(r, withDocument)));
    return a.build();
  }

  static String fileName(Report r, String suffix) {
    return "tribune-"
        + r.kind().wire()
        + "-"
        + r.subject().replace("..", "_")
        + "-v"
        + r.reportVersion()
        + (suffix.contains(".") ? "-" + suffix : "." + suffix);
  }

  /**
   * A rendering of a published version in the reader's language, from the rendering cache: the same
   * bytes for every request, so a strong ETag (the SHA-256 of the bytes: distinct per format and
   * language, as the by-Accept URL needs with its {@code Vary}), a day's public caching, and {@code
   * 304} to {@code If-None-Match}.
   */
  private Response rendered(
      String kind,
      String subject,
      int n,
      String lang,
      HttpHeaders headers,
      Request request,
      ReportRenderings.Format format) {
    Report r = reports.publishedVersion(kind(kind), subject, n);
    Locale language = ReportRenderings.language(lang, headers.getAcceptableLanguages());
    return cached(
        request,
        r,
        renderings.rendering(r, format, language),
        language,
        format.type,
        format.disposition,
        fileName(r, language.toLanguageTag() + ".pdf"));
  }

  /** Cache headers of a rendering of a published version (see {@link #rendered}). */
  static Response cached(
      Request request,
      Report r,
      RenderCache.Rendering rendering,
      Locale language,
      String type,
      String disposition,
      String fileName) {
    EntityTag tag = new EntityTag(rendering.sha256());
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    Response.ResponseBuilder b =
        unchanged != null
            ? unchanged
            : Response.ok(rendering.bytes(), type).lastModified(Date.from(r.publishedAt()));
    b.tag(tag).header(HttpHeaders.CACHE_CONTROL, PUBLISHED_CACHE);
    if (language != null) {
      b.header("Content-Language", language.toLanguageTag())
          .header("Vary", "Accept, Accept-Language");
    }
    if (unchanged == null && disposition != null) {
      b.header("Content-Disposition", disposition + "; filename=\"" + fileName + "\"");
    }
    return b.build();
  }

  /** A published version never changes: strong ETag from its hash, cacheable for a long time. */
  static Response immutable(
      Request request, Report r, byte[] body, String type, String attachment) {
    EntityTag tag = new EntityTag(r.sha256());
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.tag(tag).header(HttpHeaders.CACHE_CONTROL, PUBLISHED_CACHE).build();
    }
    Response.ResponseBuilder ok =
        Response.ok(body, type)
            .tag(tag)
            .header(HttpHeaders.CACHE_CONTROL, PUBLISHED_CACHE)
            .lastModified(Date.from(r.publishedAt()));
    if (attachment != null) {
      ok.header("Content-Disposition", "attachment; filename=\"" + attachment + "\"");
    }
    return ok.build();
  }
}
