package org.tribune.reports.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import org.tribune.reports.entity.Report;

/** The JSON shapes of reports on the API (docs/api.md, "Outcome reports"). */
final class ReportViews {

  private ReportViews() {}

  /** A report's metadata and links; with its document when {@code withDocument}. */
  static JsonObject of(Report r, boolean withDocument) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    if (!r.isPublished()) {
      b.add("id", r.id());
    }
    b.add("kind", r.kind().wire())
        .add("subject", r.subject())
        .add("version", r.reportVersion())
        .add("status", r.status())
        .add("title", r.title())
        .add("summary", r.summary());
    nullable(b, "changeNote", r.changeNote());
    time(b, "generatedAt", r.generatedAt());
    time(b, "updatedAt", r.updatedAt());
    time(b, "publishedAt", r.publishedAt());
    b.add("sha256", r.sha256());
    if (r.ledgerIndex() != null) {
      b.add("ledgerIndex", r.ledgerIndex());
    }
    if (r.isPublished()) {
      String base =
          "/api/v1/reports/"
              + r.kind().wire()
              + "/"
              + r.subject()
              + "/versions/"
              + r.reportVersion();
      b.add(
          "links",
          Json.createObjectBuilder()
              .add("self", base)
              .add("document", base + "/document.json")
              .add("bundle", base + "/bundle.zip")
              .add("tables", base + "/tables/")
              .add(
                  "page",
                  "#/reports/" + r.kind().wire() + "/" + r.subject() + "/" + r.reportVersion()));
    }
    if (withDocument) {
      try (var reader = Json.createReader(new StringReader(r.document()))) {
        b.add("document", reader.readObject());
      }
    }
    return b.build();
  }

  private static void nullable(JsonObjectBuilder b, String name, String value) {
    if (value == null) {
      b.addNull(name);
    } else {
      b.add(name, value);
    }
  }

  private static void time(JsonObjectBuilder b, String name, Instant value) {
    nullable(b, name, value == null ? null : value.toString());
  }
}
