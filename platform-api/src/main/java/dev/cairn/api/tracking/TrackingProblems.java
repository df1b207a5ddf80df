package dev.cairn.api.tracking;

import dev.cairn.api.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

class TrackingProblems {

    @ServerExceptionMapper
    public Response tooLarge(ArtifactTooLargeException e, UriInfo uri) {
        return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "artifact-too-large", "Artifact too large", e.getMessage(),
                uri);
    }
}
