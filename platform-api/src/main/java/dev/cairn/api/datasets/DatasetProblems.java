package dev.cairn.api.datasets;

import dev.cairn.api.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

class DatasetProblems {

    @ServerExceptionMapper
    public Response invalid(InvalidDatasetException e, UriInfo uri) {
        return Problem.of(Status.BAD_REQUEST, e.slug(), "Dataset rejected", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response tooLarge(UploadTooLargeException e, UriInfo uri) {
        return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "upload-too-large", "Upload too large", e.getMessage(), uri);
    }
}
