package dev.cairn.api.monitoring;

import dev.cairn.api.PageView;
import dev.cairn.api.Roles;
import dev.cairn.contracts.AlertChanged;
import io.quarkus.panache.common.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/** Alerts monitoring raised, as episodes (fired, resolved), with the retraining decision each one led to. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @GET
    @RolesAllowed({ Roles.SRE, Roles.ADMIN, Roles.DATA_SCIENTIST })
    @Operation(summary = "Alert episodes, newest first; filter by deployment, state (FIRING, RESOLVED) and kind "
            + "(DRIFT, QUALITY, PERFORMANCE, HEALTH)",
            description = "`retraining` says what the spec's monitor.retrain policy did about a drift or performance "
                    + "alert: the run it STARTED, or why it SKIPPED one.")
    public PageView<AlertView> list(@RestQuery String deployment, @RestQuery AlertChanged.State state,
            @RestQuery AlertChanged.Kind kind, @RestQuery @DefaultValue("0") @Min(0) int page,
            @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = Alert.search(deployment == null || deployment.isBlank() ? null : deployment, state, kind)
                .page(Page.of(page, size));
        var alerts = query.list();
        var triggers = RetrainingTrigger.forAlerts(alerts.stream().map(a -> a.alertId).toList()).stream()
                .collect(Collectors.toMap(t -> t.alertId, Function.identity()));
        return new PageView<>(alerts.stream().map(a -> AlertView.of(a, triggers.get(a.alertId))).toList(), page, size,
                query.count());
    }
}
