package dev.cairn.deploy.oip;

import dev.cairn.deploy.model.ServedModel;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The protocol's server endpoints: metadata, liveness (the process answers) and readiness (the model is loaded and
 * warmed). Kubernetes probes and the local router call the health endpoints.
 *
 * <p>{@code @PermitAll}: probes carry no credentials, and the server is reached only through the deployment's
 * router or gateway (see the module README).
 */
@Path("/v2")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ServerResource {

    /** The protocol's server metadata: no optional extensions are implemented. */
    public record ServerMetadata(String name, String version, List<String> extensions) {
    }

    private final ServedModel served;

    ServerResource(ServedModel served) {
        this.served = served;
    }

    @GET
    @NonBlocking
    public ServerMetadata metadata() {
        return new ServerMetadata("cairn-inference", "0.1.0", List.of());
    }

    @GET
    @Path("/health/live")
    @NonBlocking
    public Map<String, Boolean> live() {
        return Map.of("live", true);
    }

    /** 503 until the model is ready, so probes and routers that only look at the status code hold traffic back. */
    @GET
    @Path("/health/ready")
    @NonBlocking
    public Response ready() {
        boolean ready = served.ready().isPresent();
        return Response.status(ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(Map.of("ready", ready)).build();
    }
}
