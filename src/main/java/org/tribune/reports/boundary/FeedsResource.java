package org.tribune.reports.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.ledger.boundary.PublicLedger;
import org.tribune.ledger.control.LedgerLeaf;
import org.tribune.reports.control.AtomFeed;
import org.tribune.reports.control.DocumentJson;
import org.tribune.reports.entity.Report;

/**
 * Atom feeds (RFC 4287): published reports, the response ledger's public events, idea status
 * changes. Public; each response carries an ETag (the body's hash) and Last-Modified (the newest
 * entry), and answers 304 to a reader that already has it.
 */
@Path("feeds")
@PermitAll
public class FeedsResource {

  public static final String ATOM = "application/atom+xml;charset=utf-8";
  static final int ENTRIES = 50;
  static final String AUTHORITY = "tribune";

  @Inject Reports reports;
  @Inject PublicLedger ledger;
  @Inject ReportSources sources;

  @Context UriInfo uri;

  @GET
  @Path("reports.atom")
  @Produces(ATOM)
  @Operation(summary = "Published outcome reports, newest first")
  public Response reports(@Context Request request) {
    List<AtomFeed.Entry> entries = new ArrayList<>();
    for (Report r : reports.publications(ENTRIES)) {
      String key = r.kind().wire() + "/" + r.subject() + "/" + r.reportVersion();
      String summary = r.changeNote() != null ? r.changeNote() : r.summary();
      entries.add(
          new AtomFeed.Entry(
              AtomFeed.tag(AUTHORITY, "report/" + key),
              r.title() + (r.reportVersion() > 1 ? " (v" + r.reportVersion() + ")" : ""),
              r.publishedAt(),
              portal() + "#/reports/" + key,
              summary + " — SHA-256 " + r.sha256(),
              r.kind().wire()));
    }
    return feed(request, "reports", "Tribune outcome reports", portal() + "#/reports", entries);
  }

  @GET
  @Path("ledger.atom")
  @Produces(ATOM)
  @Operation(summary = "The response ledger's newest public events")
  public Response ledger(@Context Request request) {
    List<AtomFeed.Entry> entries = new ArrayList<>();
    for (LedgerLeaf leaf : ledger.search(null, null, null, null, null, ENTRIES)) {
      JsonObject o;
      try (var reader = Json.createReader(new StringReader(leaf.text()))) {
        o = reader.readObject();
      }
      String type = o.getString("type", "entry");
      String about =
          o.containsKey("inquiry")
              ? " " + o.get("inquiry").toString().replace("\"", "")
              : o.containsKey("subject") ? " " + o.get("subject").toString().replace("\"", "") : "";
      entries.add(
          new AtomFeed.Entry(
              AtomFeed.tag(AUTHORITY, "ledger/" + leaf.index()),
              "#" + leaf.index() + " " + type + about,
              Instant.parse(o.getString("at")),
              portal() + "#/ledger",
              leaf.text(),
              type));
    }
    return feed(request, "ledger", "Tribune response ledger", portal() + "#/ledger", entries);
  }

  @GET
  @Path("ideas.atom")
  @Produces(ATOM)
  @Operation(summary = "Idea status changes (planned, shipped, declined…), newest first")
  public Response ideas(@Context Request request) {
    List<AtomFeed.Entry> entries = new ArrayList<>();
    for (Object[] c : sources.statusChanges(ENTRIES)) {
      long idea = ((Number) c[1]).longValue();
      String from = (String) c[3];
      String to = (String) c[4];
      entries.add(
          new AtomFeed.Entry(
              AtomFeed.tag(AUTHORITY, "idea-status/" + ((Number) c[0]).longValue()),
              "#" + idea + " " + c[2] + ": " + (from == null ? "" : from + " → ") + to,
              ((Timestamp) c[6]).toInstant(),
              portal() + "#/ideas/" + idea,
              (String) c[5],
              to));
    }
    return feed(request, "ideas", "Tribune idea status changes", portal() + "#/ideas", entries);
  }

  private Response feed(
      Request request, String name, String title, String alternate, List<AtomFeed.Entry> entries) {
    Instant updated = AtomFeed.updated(entries, Instant.parse("2026-01-01T00:00:00Z"));
    String self = uri.getBaseUri().toString() + "feeds/" + name + ".atom";
    String xml =
        AtomFeed.write(
            AtomFeed.tag(AUTHORITY, "feed/" + name), title, self, alternate, updated, entries);
    EntityTag tag = new EntityTag(DocumentJson.sha256(xml));
    Date modified = Date.from(updated);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(60);
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(modified, tag);
    if (unchanged != null) {
      return unchanged.tag(tag).cacheControl(cache).build();
    }
    return Response.ok(xml, ATOM).tag(tag).lastModified(modified).cacheControl(cache).build();
  }

  /** The portal's root: the API base without {@code api/v1/}. */
  private String portal() {
    String base = uri.getBaseUri().toString();
    return base.endsWith("api/v1/") ? base.substring(0, base.length() - "api/v1/".length()) : base;
  }
}
