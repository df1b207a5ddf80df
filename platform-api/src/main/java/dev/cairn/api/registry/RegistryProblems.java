package dev.cairn.api.registry;

import dev.cairn.api.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

class RegistryProblems {

    @ServerExceptionMapper
    public Response protectedAlias(ProtectedAliasException e, UriInfo uri) {
        return Problem.of(Status.FORBIDDEN, "protected-alias", "Protected alias", e.getMessage(), uri);
    }
}
