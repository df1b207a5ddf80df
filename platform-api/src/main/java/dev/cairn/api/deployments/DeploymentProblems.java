package dev.cairn.api.deployments;

import dev.cairn.api.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

class DeploymentProblems {

    @ServerExceptionMapper
    public Response unavailable(RuntimeUnavailableException e, UriInfo uri) {
        return Problem.of(Status.SERVICE_UNAVAILABLE, "runtime-unavailable", "The model could not be served",
                e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ProtectedDeploymentException e, UriInfo uri) {
        return Problem.of(Status.FORBIDDEN, "protected-alias", "Protected alias", e.getMessage(), uri);
    }
}
