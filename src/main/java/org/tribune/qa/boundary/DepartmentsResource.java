package org.tribune.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.tribune.qa.entity.Department;

/** Departments and their public timeliness (docs/api.md, "Q&amp;A departments"). */
@Path("qa/departments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DepartmentsResource {

  @Inject Departments departments;

  public record Staffing(
      @NotNull @Size(min = 1, max = Department.MAX_NAME) String name,
      @NotNull Long lead,
      @Size(max = 200) List<Long> responders,
      @Size(max = 400) List<LocalDate> holidays) {}

  @GET
  @Operation(summary = "All departments")
  public List<DepartmentView> list() {
    return departments.list();
  }

  @GET
  @Path("mine")
  @RolesAllowed(Roles.MEMBER)
  @Operation(summary = "The departments the caller leads or answers for")
  public List<DepartmentView> mine() {
    return departments.mine();
  }

  @GET
  @Path("timeliness")
  @Operation(summary = "Every department's public timeliness")
  public List<TimelinessView> timeliness() {
    return departments.timeliness();
  }

  @GET
  @Path("people")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(
      summary = "Find members by name and role, to pick delegates and staff (community manager)")
  public List<Ref> people(@QueryParam("q") String q, @QueryParam("role") String role) {
    return departments.people(q, role);
  }

  @POST
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Create a department (community manager)")
  public Response create(@Valid @NotNull Staffing s) {
    return Response.status(201)
        .entity(departments.create(s.name(), s.lead(), s.responders(), s.holidays()))
        .build();
  }

  @PUT
  @Path("{id: \\d+}")
  @RolesAllowed(Roles.COMMUNITY_MANAGER)
  @Operation(summary = "Change the lead, responders and holidays (community manager)")
  public DepartmentView staff(@PathParam("id") long id, @Valid @NotNull Staffing s) {
    return departments.staff(id, s.lead(), s.responders(), s.holidays());
  }
}
