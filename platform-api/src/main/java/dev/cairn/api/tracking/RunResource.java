package dev.cairn.api.tracking;

import dev.cairn.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/** Logging to one run. Writes lock the run, so concurrent loggers queue up rather than race. */
@Path("/api/runs/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunResource {

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "One run with its params, tags and latest metrics")
    public RunView get(@RestPath String id) {
        return RunView.of(Run.require(id));
    }

    @POST
    @Path("/params")
    @Transactional
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    @Operation(summary = "Log params (key to string value)",
            description = "Params are write-once: the same value again is accepted, a different one is a 409 "
                    + "and nothing in the request is recorded.")
    public void logParams(@RestPath String id,
            @NotNull @Size(max = 100) Map<@NotNull @Pattern(regexp = Run.KEY_PATTERN) String,
                    @NotNull @Size(max = Run.MAX_VALUE_LENGTH) String> params) {
        Run.requireForUpdate(id).logParams(params);
    }

    @POST
    @Path("/metrics")
    @Transactional
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    @Operation(summary = "Log a batch of metric values",
            description = "Each value is appended to its metric's history; step defaults to 0, timestamp to now.")
    public void logMetrics(@RestPath String id, @NotNull @Size(max = 1000) List<@Valid @NotNull LoggedMetric> metrics) {
        var run = Run.requireForUpdate(id);
        var now = Instant.now();
        metrics.forEach(m -> run.logMetric(m.key(), m.point(now)));
    }

    @GET
    @Path("/metrics/{key: .+}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "The history of one metric, by step then time (for curves)",
            description = "Empty when the run has not logged that metric yet.")
    public List<MetricPoint> history(@RestPath String id, @RestPath String key) {
        return RunMetric.history(Run.require(id).id, key);
    }

    @PUT
    @Path("/tags/{key: .+}")
    @Transactional
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    @Operation(summary = "Set or replace a tag", description = "Tags stay editable after the run ends.")
    public void setTag(@RestPath String id, @RestPath String key, @Valid @NotNull TagValue body) {
        Run.requireForUpdate(id).setTag(key, body.value());
    }

    @POST
    @Path("/finish")
    @Transactional
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.ADMIN })
    @Operation(summary = "End the run as FINISHED, FAILED or KILLED",
            description = "Repeating the same ending is accepted; a different one is a 409.")
    public RunView finish(@RestPath String id, @Valid @NotNull RunOutcome body) {
        var run = Run.requireForUpdate(id);
        run.finish(body.status());
        return RunView.of(run);
    }
}
