package org.tribune.ledger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tribune.ledger.boundary.ResponseLedger;

/**
 * Test-only: appends events over HTTP, so that client and browser tests have ledger content before
 * the Q&amp;A components append real ones. Deployed only by the ledger's own tests, never shipped.
 * Body: {@code {"type": "...", "fields": {...}, "count": n, "rollback": false}}; each of the n
 * events gets the fields plus {@code n}; answers the indices.
 */
@Path("test/ledger-events")
@RequestScoped
public class LedgerEventsForTests {

  @Inject ResponseLedger ledger;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Transactional
  public JsonObject append(JsonObject body) {
    int count = body.getInt("count", 1);
    JsonArrayBuilder indices = Json.createArrayBuilder();
    for (int n = 0; n < count; n++) {
      Map<String, Object> fields = new LinkedHashMap<>(body.getJsonObject("fields"));
      if (count > 1) {
        fields.put("n", n);
      }
      indices.add(ledger.append(body.getString("type"), fields));
    }
    return Json.createObjectBuilder().add("indices", indices).build();
  }
}
