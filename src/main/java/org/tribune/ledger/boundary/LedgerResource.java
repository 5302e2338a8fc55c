package org.tribune.ledger.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.StringReader;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.ledger.control.LedgerLeaf;
import org.tribune.ledger.control.LedgerLog.Facet;
import org.tribune.platform.entity.DomainException;

/**
 * The public response ledger over HTTP (docs/api.md, "Response ledger"). The shapes of checkpoint,
 * key, entries and both proofs are a public contract that independent verifiers rely on; the search
 * and facets are conveniences for the portal. Everything here is open to anyone.
 */
@Path("ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

  static final MediaType JSON_LINES = new MediaType("application", "jsonl");

  @Inject PublicLedger ledger;

  @GET
  @Path("checkpoint")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      summary = "The signed checkpoint",
      description =
          "A C2SP tlog-checkpoint signed note: origin, tree size, base64 root hash, a blank line,"
              + " and the Ed25519 signature line.")
  public Response checkpoint() {
    return Response.ok(ledger.checkpoint().note(), MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
        .cacheControl(noCache())
        .build();
  }

  @GET
  @Path("key")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      summary = "The log's verifier key",
      description = "The C2SP signed-note verifier key <name>+<hex key id>+<base64(0x01‖key)>.")
  public Response key() {
    return Response.ok(ledger.verifierKey(), MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
        .build();
  }

  @GET
  @Path("entries")
  @Operation(
      summary = "Entries start to end (exclusive)",
      description =
          "At most 256 per page; a page may be shorter than asked, and is empty from the tree"
              + " size on.")
  public JsonObject entries(@QueryParam("start") String start, @QueryParam("end") String end) {
    return entriesJson(
        ledger.entries(required("start", start), required("end", end)), "entries", null);
  }

  @GET
  @Path("proof/inclusion")
  @Operation(summary = "RFC 9162 inclusion proof of leaf index in the tree of size leaves")
  public JsonObject inclusion(@QueryParam("index") String index, @QueryParam("size") String size) {
    long i = required("index", index);
    long n = required("size", size);
    return Json.createObjectBuilder()
        .add("index", i)
        .add("size", n)
        .add("proof", hashes(ledger.inclusionProof(i, n)))
        .build();
  }

  @GET
  @Path("proof/consistency")
  @Operation(summary = "RFC 9162 consistency proof from the tree of from leaves to that of to")
  public JsonObject consistency(@QueryParam("from") String from, @QueryParam("to") String to) {
    long m = required("from", from);
    long n = required("to", to);
    return Json.createObjectBuilder()
        .add("from", m)
        .add("to", n)
        .add("proof", hashes(ledger.consistencyProof(m, n)))
        .build();
  }

  @GET
  @Path("download")
  @Produces("application/jsonl")
  @Operation(
      summary = "Every leaf, for offline verification",
      description =
          "JSON lines {\"index\":i,\"leaf\":\"<base64>\"} for leaves 0 to size-1 (default: the"
              + " current size, sent in the Ledger-Tree-Size header).")
  public Response download(@QueryParam("size") String size) {
    long n = ledger.downloadSize(size == null || size.isEmpty() ? null : parse("size", size));
    StreamingOutput body = out -> ledger.download(n, out);
    return Response.ok(body, JSON_LINES)
        .header("Ledger-Tree-Size", n)
        .header("Content-Disposition", "attachment; filename=\"ledger-" + n + ".jsonl\"")
        .build();
  }

  @GET
  @Path("search")
  @Operation(
      summary = "Browse entries, newest first (portal)",
      description =
          "Filters: type, department, state (top-level entry fields), q (text in the entry's"
              + " strings); before (exclusive index, for the next page); limit 1–256 (default"
              + " 50). Answers {entries, next}; next is the before of the following page.")
  public JsonObject search(
      @QueryParam("type") String type,
      @QueryParam("department") String department,
      @QueryParam("state") String state,
      @QueryParam("q") String q,
      @QueryParam("before") String before,
      @QueryParam("limit") String limit) {
    if (q != null && q.length() > 200) {
      throw DomainException.invalid("q", "must be at most 200 characters");
    }
    int l = limit == null || limit.isEmpty() ? 50 : Math.toIntExact(clampInt("limit", limit));
    List<LedgerLeaf> found =
        ledger.search(
            type,
            department,
            state,
            q,
            before == null || before.isEmpty() ? null : parse("before", before),
            l);
    Long next = found.size() == l ? found.get(found.size() - 1).index() : null;
    return entriesJson(found, "entries", next);
  }

  @GET
  @Path("facets")
  @Operation(summary = "The entry types, departments and states present (portal filters)")
  public JsonObject facets() {
    return Json.createObjectBuilder()
        .add("types", Json.createArrayBuilder(ledger.facet(Facet.TYPE)))
        .add("departments", Json.createArrayBuilder(ledger.facet(Facet.DEPARTMENT)))
        .add("states", Json.createArrayBuilder(ledger.facet(Facet.STATE)))
        .build();
  }

  private static JsonObject entriesJson(List<LedgerLeaf> leaves, String name, Long next) {
    Base64.Encoder base64 = Base64.getEncoder();
    JsonArrayBuilder entries = Json.createArrayBuilder();
    for (LedgerLeaf leaf : leaves) {
      JsonObject entry;
      try (JsonReader reader = Json.createReader(new StringReader(leaf.text()))) {
        entry = reader.readObject();
      }
      entries.add(
          Json.createObjectBuilder()
              .add("index", leaf.index())
              .add("leaf", base64.encodeToString(leaf.bytes()))
              .add("entry", entry));
    }
    JsonObjectBuilder result = Json.createObjectBuilder().add(name, entries);
    if (next != null) {
      result.add("next", next);
    }
    return result.build();
  }

  private static JsonArrayBuilder hashes(List<byte[]> proof) {
    Base64.Encoder base64 = Base64.getEncoder();
    JsonArrayBuilder array = Json.createArrayBuilder();
    proof.forEach(hash -> array.add(base64.encodeToString(hash)));
    return array;
  }

  private static long required(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw DomainException.invalid(name, "is required");
    }
    return parse(name, value);
  }

  private static long parse(String name, String value) {
    if (!value.matches("0|[1-9][0-9]{0,17}")) {
      throw DomainException.invalid(name, "must be a whole number, 0 or more");
    }
    return Long.parseLong(value);
  }

  private static long clampInt(String name, String value) {
    long parsed = parse(name, value);
    if (parsed > PublicLedger.MAX_PAGE) {
      throw DomainException.invalid(name, "must be between 1 and " + PublicLedger.MAX_PAGE);
    }
    return parsed;
  }

  private static CacheControl noCache() {
    CacheControl cache = new CacheControl();
    cache.setNoCache(true);
    return cache;
  }
}
