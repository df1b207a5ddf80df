package dev.cairn.api.datasets;

import dev.cairn.api.Roles;
import dev.cairn.api.problem.NotFoundException;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {
    private final DatasetUploads uploads;
    private final SecurityIdentity identity;

    DatasetResource(DatasetUploads uploads, SecurityIdentity identity) {
        this.uploads = uploads;
        this.identity = identity;
    }

    @POST
    @Path("/{name}")
    @Consumes({ "text/csv", MediaType.APPLICATION_OCTET_STREAM })
    @Blocking
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    @Operation(summary = "Upload a CSV as the next version of a dataset",
            description = "The body is streamed to disk, hashed and checked; the schema is inferred. Re-uploading "
                    + "the same bytes under the same name returns the existing version (200). `missing` lists the "
                    + "cell values read as missing besides the empty cell, comma-separated.")
    public Response upload(@RestPath String name, @RestQuery String missing, InputStream body) throws IOException {
        List<String> tokens = missing == null ? null : Arrays.asList(missing.split(",", -1));
        var upload = uploads.upload(name, body, tokens, identity.getPrincipal().getName());
        var view = DatasetVersionView.of(upload.version());
        var location = URI.create("/api/datasets/" + view.name() + "/versions/" + view.version());
        return upload.created() ? Response.created(location).entity(view).build() : Response.ok(view).build();
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "List datasets, each with its latest version")
    public List<DatasetVersionView> list() {
        return DatasetVersion.latestOfEach().stream().map(DatasetVersionView::of).toList();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "List the versions of a dataset, newest first")
    public List<DatasetVersionView> versions(@RestPath String name) {
        var versions = DatasetVersion.versionsOf(name);
        if (versions.isEmpty()) {
            throw new NotFoundException("No dataset named '" + name + "'");
        }
        return versions.stream().map(DatasetVersionView::of).toList();
    }

    @GET
    @Path("/{name}/versions/{version}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "One dataset version with its inferred schema")
    public DatasetVersionView version(@RestPath String name, @RestPath int version) {
        return DatasetVersion.of(name, version).map(DatasetVersionView::of)
                .orElseThrow(() -> new NotFoundException("Dataset '" + name + "' has no version " + version));
    }
}
