package dev.cairn.api.security;

import dev.cairn.api.problem.Problem;
import io.quarkus.oidc.OIDCException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A token cannot be checked while the identity provider is unreachable (its keys are fetched from it): the request
 * is refused with 503, so clients retry instead of treating it as a bug or as a bad token. Nothing is let through.
 */
class SecurityProblems {
    private static final Logger LOG = Logger.getLogger(SecurityProblems.class);

    @ServerExceptionMapper
    public Response identityProviderUnavailable(OIDCException e, UriInfo uri) {
        // The message names the server, never the token; no stack trace, the cause is logged by quarkus-oidc.
        LOG.warnf("Token not checked, the identity provider is unavailable: %s", e.getMessage());
        return Response.fromResponse(Problem.of(Status.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                "Identity provider unavailable", "Tokens cannot be checked right now; try again shortly", uri))
                .header(HttpHeaders.RETRY_AFTER, 5).build();
    }
}
