package org.tribune.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.tribune.identity.entity.AuditEntry;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;

/** The audit log, newest first, for admins. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

  static final int MAX_LIMIT = 200;

  public record Entry(
      long id,
      Instant at,
      Long actorId,
      String action,
      String subjectType,
      String subjectId,
      String before,
      String after) {
    static Entry of(AuditEntry e) {
      return new Entry(
          e.id(),
          TokensResource.seconds(e.recordedAt()),
          e.actorId(),
          e.action(),
          e.subjectType(),
          e.subjectId(),
          e.before(),
          e.after());
    }
  }

  public record Page(List<Entry> items, long total) {}

  @Inject AuditLog audit;

  // Taken as text: JAX-RS answers an unparsable int query parameter with 404, not 400.
  @GET
  public Page list(
      @QueryParam("limit") @DefaultValue("50") String limit,
      @QueryParam("offset") @DefaultValue("0") String offset) {
    int l = number("limit", limit, 1, MAX_LIMIT);
    int o = number("offset", offset, 0, Integer.MAX_VALUE);
    return new Page(audit.page(l, o).stream().map(Entry::of).toList(), audit.count());
  }

  private static int number(String field, String text, int min, int max) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Falls through to the same answer as an out-of-range number.
    }
    throw DomainException.invalid(field, "must be a whole number from " + min + " to " + max);
  }
}
