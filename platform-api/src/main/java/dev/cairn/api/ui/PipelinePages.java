package dev.cairn.api.ui;

import dev.cairn.api.Roles;
import dev.cairn.api.pipelines.PipelineRunResource;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.contracts.Algorithm;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.util.Arrays;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Pipelines: recent runs, the submit form and YAML editor, and one run watched live. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class PipelinePages {
    private final Page page;
    private final PipelineRunQueries runs;
    private final DatasetQueries datasets;
    private final PipelineRunResource api;
    private final Engine templates;

    PipelinePages(Page page, PipelineRunQueries runs, DatasetQueries datasets, PipelineRunResource api,
            Engine templates) {
        this.page = page;
        this.runs = runs;
        this.datasets = datasets;
        this.api = api;
        this.templates = templates;
    }

    @GET
    @Path("/pipeline-runs")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public TemplateInstance list() {
        return page.of(templates.getTemplate("pipeline-runs.html"), "pipelines").data("runs", runs.recent(100));
    }

    @GET
    @Path("/pipelines/new")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    public TemplateInstance editor(@RestQuery String dataset) {
        var all = datasets.datasets();
        String chosen = dataset != null ? dataset : all.isEmpty() ? "" : all.getFirst().name();
        var columns = datasets.columns(chosen);
        // Most files put the label last; the form starts there and the datalist offers the rest.
        return page.of(templates.getTemplate("pipeline-new.html"), "pipelines").data("datasets", all).data("chosen", chosen)
                .data("pinned", chosen.contains("@")).data("columns", columns)
                .data("defaultTarget", columns.isEmpty() ? "" : columns.getLast())
                .data("algorithms", Arrays.stream(Algorithm.values()).map(Algorithm::specName).toList());
    }

    /** The columns of a dataset, as the options of the editor's target field (htmx swaps them in). */
    @GET
    @Path("/pipelines/columns")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    public String columns(@RestQuery String dataset) {
        var options = new StringBuilder();
        datasets.columns(dataset).forEach(c -> options.append("<option value=\"").append(Html.escape(c))
                .append("\"></option>"));
        return options.toString();
    }

    /** The API's submit, for the session's user: the answer is the API's (run view, or a problem with field paths). */
    @POST
    @Path("/pipeline-runs")
    @Consumes({ "application/yaml", MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    public Response submit(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws IOException {
        return api.submit(body, contentType);
    }

    @GET
    @Path("/pipeline-runs/{id}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public TemplateInstance run(@RestPath String id) {
        var snapshot = runs.snapshot(id).orElseThrow(() -> new NotFoundException("No pipeline run " + id));
        return page.of(templates.getTemplate("pipeline-run.html"), "pipelines").data("run", snapshot);
    }
}
