package dev.cairn.api.tracking;

import dev.cairn.api.PageView;
import dev.cairn.api.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExperimentResource {
    private final SecurityIdentity identity;

    ExperimentResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "List experiments by name")
    public PageView<ExperimentView> list(@RestQuery @DefaultValue("0") @Min(0) int page,
            @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = Experiment.<Experiment> findAll(Sort.by("name")).page(Page.of(page, size));
        return new PageView<>(query.list().stream().map(ExperimentView::of).toList(), page, size, query.count());
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    @Operation(summary = "Create an experiment", description = "Names are unique: 409 if it exists.")
    public Response create(@Valid @NotNull NewExperiment body) {
        var experiment = Experiment.create(body.name(), body.description(), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/experiments/" + experiment.name))
                .entity(ExperimentView.of(experiment)).build();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "One experiment")
    public ExperimentView get(@RestPath String name) {
        return ExperimentView.of(Experiment.require(name));
    }

    @GET
    @Path("/{name}/runs")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "The runs of an experiment, newest first",
            description = "Each run carries its params, tags and the latest value of each metric.")
    public PageView<RunView> runs(@RestPath String name, @RestQuery @DefaultValue("0") @Min(0) int page,
            @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        var experiment = Experiment.require(name);
        var runs = Run.pageOf(experiment, page, size).stream().map(RunView::of).toList();
        return new PageView<>(runs, page, size, Run.countIn(experiment));
    }

    @POST
    @Path("/{name}/runs")
    @Transactional
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    @Operation(summary = "Start a run in an experiment", description = "The run starts RUNNING; the body is optional.")
    public Response startRun(@RestPath String name, @Valid NewRun body) {
        var request = body == null ? new NewRun(null, null, null) : body;
        var run = Run.start(Experiment.require(name), request.name(), request.source(), request.tagsOrEmpty(),
                identity.getPrincipal().getName());
        return Response.created(URI.create("/api/runs/" + run.id)).entity(RunView.of(run)).build();
    }
}
