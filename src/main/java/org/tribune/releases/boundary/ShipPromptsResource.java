package org.tribune.releases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.entity.Roles;

/** The member's "did this solve it?" prompts for shipped ideas they voted for. */
@Path("me/ship-prompts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class ShipPromptsResource {

  @Inject ShipPrompts prompts;

  public record Answer(@NotNull Boolean solved) {}

  @GET
  @Operation(summary = "My prompts, newest first")
  public List<ShipPrompts.PromptView> mine() {
    return prompts.mine();
  }

  @POST
  @Path("{id: \\d+}")
  @Operation(summary = "Answer a prompt (yes / no; may be changed)")
  public ShipPrompts.PromptView answer(@PathParam("id") long id, @Valid @NotNull Answer answer) {
    return prompts.answer(id, answer.solved());
  }
}
