package dev.cairn.api.pipelines;

import dev.cairn.api.Roles;
import dev.cairn.api.problem.NotFoundException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/pipeline-runs")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineRunResource {
    private final Orchestrator orchestrator;
    private final SecurityIdentity identity;

    PipelineRunResource(Orchestrator orchestrator, SecurityIdentity identity) {
        this.orchestrator = orchestrator;
        this.identity = identity;
    }

    @POST
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON })
    @Blocking
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    @Operation(summary = "Submit a pipeline spec (YAML or JSON) and start a run",
            description = "The spec is validated against the platform and its dataset; every problem is listed "
                    + "in the problem's `errors`, each with the dotted path of its field. A spec longer than "
                    + "256 KiB is refused (413). A spec with `steps.deploy` rolls its version out and moves "
                    + "`production`, so it needs release-manager or admin as well (403 deploy-not-allowed).")
    public Response submit(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws IOException {
        // Read here, outside the transaction, so a slow or oversized upload never holds a database connection.
        String spec = SpecParser.read(body);
        boolean yaml = contentType == null || !contentType.startsWith(MediaType.APPLICATION_JSON);
        boolean mayRelease = identity.hasRole(Roles.RELEASE_MANAGER) || identity.hasRole(Roles.ADMIN);
        var run = orchestrator.submit(spec, yaml, identity.getPrincipal().getName(), mayRelease);
        return Response.created(URI.create("/api/pipeline-runs/" + run.id)).entity(PipelineRunView.of(run)).build();
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "List pipeline runs, newest first, optionally of one pipeline")
    public List<PipelineRunView> list(@RestQuery String pipeline, @RestQuery @DefaultValue("0") @Min(0) int page,
            @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        return PipelineRun.page(pipeline, page, size).stream().map(PipelineRunView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "One pipeline run with the state, reason, metrics and report of each step")
    public PipelineRunView get(@RestPath String id) {
        return PipelineRun.byId(id).map(PipelineRunView::of)
                .orElseThrow(() -> new NotFoundException("No pipeline run " + id));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    @Operation(summary = "Cancel a run that has not finished; results that arrive later are ignored")
    public PipelineRunView cancel(@RestPath String id) {
        return PipelineRunView.of(orchestrator.cancel(id, identity.getPrincipal().getName()));
    }
}
