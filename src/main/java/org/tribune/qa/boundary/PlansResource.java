package org.tribune.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tribune.identity.entity.Roles;
import org.tribune.qa.entity.ImprovementPlan;
import org.tribune.qa.entity.PlanStatus;
import org.tribune.qa.entity.Wire;

/** Improvement plans (docs/api.md, "Improvement plans"). */
@Path("qa/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlansResource {

  @Inject Plans plans;

  public record NewPlan(
      @NotNull @Size(min = 1, max = ImprovementPlan.MAX_TITLE) String title,
      @NotNull @Size(min = 1, max = ImprovementPlan.MAX_DESCRIPTION) String description,
      @NotNull Long department,
      Long parent,
      Integer weight,
      @NotNull LocalDate startDate,
      @NotNull LocalDate dueDate,
      @Size(max = 50) List<Long> inquiries) {}

  public record Progress(String status, Integer progress) {}

  public record Milestone(
      @NotNull LocalDate date,
      @NotNull @Size(min = 1, max = ImprovementPlan.MAX_NOTE) String note) {}

  @GET
  @Operation(summary = "Plans with sub-plans nested, progress rolled up, missed due dates flagged")
  public List<PlanView> list(@QueryParam("department") Long department) {
    return plans.list(department);
  }

  @POST
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Create a plan (department lead or responder)")
  public Response create(@Valid @NotNull NewPlan p) {
    return Response.status(201)
        .entity(
            plans.create(
                new Plans.NewPlan(
                    p.title(),
                    p.description(),
                    p.department(),
                    p.parent(),
                    p.weight(),
                    p.startDate(),
                    p.dueDate(),
                    p.inquiries())))
        .build();
  }

  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "One plan")
  public PlanView get(@PathParam("id") long id) {
    return plans.get(id);
  }

  @PATCH
  @Path("{id: \\d+}")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Report status and/or progress 0–100 (department)")
  public PlanView report(@PathParam("id") long id, @Valid @NotNull Progress p) {
    return plans.report(
        id,
        p.status() == null ? null : Wire.parse(PlanStatus.class, "status", p.status()),
        p.progress());
  }

  @POST
  @Path("{id: \\d+}/milestones")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Add a dated milestone entry (department)")
  public Response milestone(@PathParam("id") long id, @Valid @NotNull Milestone m) {
    return Response.status(201).entity(plans.milestone(id, m.date(), m.note())).build();
  }

  @POST
  @Path("{id: \\d+}/confirmation")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "Confirm completion (a delegate who filed a linked inquiry)")
  public PlanView confirm(@PathParam("id") long id) {
    return plans.confirm(id);
  }
}
