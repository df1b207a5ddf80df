package dev.cairn.api.tracking;

import dev.cairn.api.Roles;
import dev.cairn.api.problem.NotFoundException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/runs/{id}/artifacts")
public class RunArtifactResource {
    private final RunArtifacts artifacts;

    RunArtifactResource(RunArtifacts artifacts) {
        this.artifacts = artifacts;
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    @Operation(summary = "Upload an artifact (raw body) under a name",
            description = "The body is streamed into the content-addressed store; its Content-Type is kept for the "
                    + "download. Uploading the same bytes again under the same name is accepted (200); other bytes "
                    + "under a taken name are a 409. Names: letters, digits, '.', '_', '-', up to 200 characters.")
    public Response upload(@RestPath String id,
            @RestPath @Pattern(regexp = RunArtifact.NAME_PATTERN,
                    message = "must be 1-200 characters of letters, digits, '.', '_' and '-', not starting with '.'") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws IOException {
        var attached = artifacts.attach(id, name, storedType(contentType), body);
        var view = ArtifactView.of(attached.name(), attached.artifact());
        return attached.created()
                ? Response.created(URI.create("/api/runs/" + id + "/artifacts/" + name)).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "The artifacts of a run, by name")
    public List<ArtifactView> list(@RestPath String id) {
        return ArtifactView.of(Run.require(id));
    }

    @GET
    @Path("/{name}")
    @Produces(MediaType.WILDCARD)
    @Blocking
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "Download an artifact's bytes", description = "The ETag is the SHA-256 of the content.")
    public Response download(@RestPath String id, @RestPath String name) throws IOException {
        var artifact = Run.require(id).artifacts().get(name);
        if (artifact == null) {
            throw new NotFoundException("Run " + id + " has no artifact named '" + name + "'");
        }
        InputStream in = artifacts.open(artifact);
        StreamingOutput stream = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        return Response.ok(stream, artifact.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, artifact.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .tag(artifact.sha256())
                .build();
    }

    /** Served back on download (as an attachment, never rendered inline), so only well-formed types are kept. */
    private static String storedType(String contentType) {
        try {
            return contentType == null || contentType.length() > 255 ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.valueOf(contentType).toString();
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
