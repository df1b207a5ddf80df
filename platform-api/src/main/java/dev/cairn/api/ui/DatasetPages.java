package dev.cairn.api.ui;

import dev.cairn.api.Roles;
import dev.cairn.api.datasets.DatasetResource;
import dev.cairn.api.datasets.DatasetVersion;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.store.artifact.ArtifactStorage;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Datasets: the list, one version's schema, data-quality summary and preview, and the upload. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class DatasetPages {
    private final Page page;
    private final DatasetQueries queries;
    private final DatasetResource api;
    private final ArtifactStorage storage;
    private final Engine templates;

    DatasetPages(Page page, DatasetQueries queries, DatasetResource api, ArtifactStorage storage, Engine templates) {
        this.page = page;
        this.queries = queries;
        this.api = api;
        this.storage = storage;
        this.templates = templates;
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public Response home() {
        return Response.seeOther(URI.create("/ui/datasets")).build();
    }

    @GET
    @Path("/datasets")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public TemplateInstance list() {
        return page.of(templates.getTemplate("datasets.html"), "datasets").data("datasets", queries.datasets());
    }

    @GET
    @Path("/datasets/{name}/versions/{version}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public TemplateInstance version(@RestPath String name, @RestPath int version) throws IOException {
        var found = DatasetVersion.of(name, version)
                .orElseThrow(() -> new NotFoundException("Dataset '" + name + "' has no version " + version));
        Preview preview;
        try (InputStream bytes = storage.open(found.sha256)) {
            preview = Preview.read(bytes, Preview.ROWS);
        }
        return page.of(templates.getTemplate("dataset.html"), "datasets").data("dataset", found).data("quality", DataQuality.of(found.schema))
                .data("preview", preview).data("versions", queries.datasetVersions(name));
    }

    /** The API's upload, for the session's user: same checks, same answer (JSON view or problem). */
    @POST
    @Path("/datasets/{name}")
    @Consumes({ "text/csv", MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    public Response upload(@RestPath String name, @RestQuery String missing, InputStream body) throws IOException {
        return api.upload(name, missing, body);
    }
}
