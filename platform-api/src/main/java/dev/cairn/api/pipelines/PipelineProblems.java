package dev.cairn.api.pipelines;

import dev.cairn.api.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

class PipelineProblems {

    @ServerExceptionMapper
    public Response invalidSpec(InvalidSpecException e, UriInfo uri) {
        return Problem.of(Problem.UNPROCESSABLE_CONTENT, "invalid-spec", "Invalid pipeline spec", e.getMessage(), uri,
                e.errors());
    }

    @ServerExceptionMapper
    public Response tooLarge(SpecTooLargeException e, UriInfo uri) {
        return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "spec-too-large", "Pipeline spec too large", e.getMessage(),
                uri);
    }

    @ServerExceptionMapper
    public Response deployNotAllowed(DeployNotAllowedException e, UriInfo uri) {
        return Problem.of(Status.FORBIDDEN, "deploy-not-allowed", "Deploying needs a release manager", e.getMessage(),
                uri);
    }
}
