package dev.cairn.deploy.baseline;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /baseline}: reads a JSON body into a map and answers a constant, on the same stack and thread model
 * as {@code /predict}. It measures the stack's own ceiling in {@code bench/serving.sh}; off unless
 * {@code cairn.serving.baseline-endpoint=true}, so production servers expose nothing but the model.
 *
 * <p>{@code @PermitAll}: a benchmark aid that answers no data.
 */
@Path("/baseline")
@PermitAll
public class BaselineResource {

    private static final Map<String, Object> ANSWER = Map.of("ok", true);

    private final BaselineConfig config;

    BaselineResource(BaselineConfig config) {
        this.config = config;
    }

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response answer(Map<String, Object> body) {
        if (!config.baselineEndpoint()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(ANSWER).build();
    }
}
