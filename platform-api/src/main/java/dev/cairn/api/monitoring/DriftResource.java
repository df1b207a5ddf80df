package dev.cairn.api.monitoring;

import dev.cairn.api.Roles;
import dev.cairn.api.deployments.Deployment;
import dev.cairn.api.problem.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Drift over time per feature: the series of closed monitoring windows the control plane keeps per deployment. */
@Path("/api/deployments/{name}/drift")
@Produces(MediaType.APPLICATION_JSON)
public class DriftResource {

    @GET
    @RolesAllowed({ Roles.SRE, Roles.ADMIN, Roles.DATA_SCIENTIST })
    @Operation(summary = "A deployment's monitoring windows, oldest first: drift and data quality per feature "
            + "(PSI, KS, chi-square, Jensen–Shannon, missing/out-of-range/unseen rates), prediction drift, "
            + "performance and health",
            description = "`feature` keeps only that feature's figures; `limit` takes the newest windows. A figure "
                    + "that does not apply (KS of a categorical feature) is absent.")
    public DriftSeries series(@RestPath String name, @RestQuery String feature,
            @RestQuery @DefaultValue("200") @Min(1) @Max(2000) int limit) {
        var windows = MonitoringWindow.series(name, limit);
        if (windows.isEmpty() && Deployment.count("name", name) == 0) {
            throw new NotFoundException("No deployment " + name);
        }
        var wanted = feature == null || feature.isBlank() ? null : feature;
        if (wanted != null && !windows.isEmpty()
                && windows.stream().noneMatch(w -> w.features.stream().anyMatch(f -> f.feature().equals(wanted)))) {
            var known = new TreeSet<String>();
            windows.forEach(w -> w.features.forEach(f -> known.add(f.feature())));
            throw new NotFoundException("Deployment " + name + " has no feature '" + wanted + "'; measured: "
                    + String.join(", ", known));
        }
        return new DriftSeries(name, wanted, windows.stream().map(w -> DriftSeries.Point.of(w, wanted)).toList());
    }
}
