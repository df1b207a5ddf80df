package dev.cairn.api.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.Roles;
import dev.cairn.api.deployments.DeploymentResource;
import dev.cairn.api.deployments.DeploymentView;
import dev.cairn.api.deployments.RolloutResource;
import dev.cairn.api.deployments.RolloutView;
import dev.cairn.api.problem.NotFoundException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Deployments for the people who watch them: what serves, the traffic split and rollout progress (refreshed in place
 * by htmx), latency and error charts from the controller's decisions, the decisions with their evidence, and the
 * rollback lever for SREs, release managers and admins. Reads and acts through the API's own resource beans.
 */
@Path("/ui/deployments")
@Produces(MediaType.TEXT_HTML)
public class DeploymentPages {
    private final Page page;
    private final DeploymentResource deployments;
    private final RolloutResource rollouts;
    private final ObjectMapper json;
    private final Engine templates;

    DeploymentPages(Page page, DeploymentResource deployments, RolloutResource rollouts, ObjectMapper json,
            Engine templates) {
        this.page = page;
        this.deployments = deployments;
        this.rollouts = rollouts;
        this.json = json;
        this.templates = templates;
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    public TemplateInstance list() {
        return page.of(templates.getTemplate("deployments.html"), "deployments").data("deployments",
                deployments.list());
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    public TemplateInstance deployment(@RestPath String name) {
        DeploymentView d = deployments.get(name);
        return page.of(templates.getTemplate("deployment.html"), "deployments").data("d", d)
                .data("mayRollBack", page.viewer().mayRollBack()).data("panel", panel(name));
    }

    /** The rollout panel alone, for htmx's polling. */
    @GET
    @Path("/{name}/rollout")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    public TemplateInstance rollout(@RestPath String name) {
        return templates.getTemplate("deployment-rollout.html").data("name", name).data("p", panel(name));
    }

    /** The deployment's rollback: mid-rollout it rolls the rollout back, otherwise it returns to the previous version. */
    @POST
    @Path("/{name}/rollback")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    public Response rollback(@RestPath String name) {
        return Response.ok(deployments.rollback(name)).build();
    }

    /** What the panel shows: the latest rollout (or none) and its decisions' evidence as chart series. */
    public record Panel(RolloutView rollout, String chartJson) {
        public boolean running() {
            return rollout != null && rollout.status() == dev.cairn.api.deployments.Rollout.Status.RUNNING;
        }

        public boolean shadow() {
            return rollout != null && rollout.strategy() == dev.cairn.api.deployments.Rollout.Strategy.SHADOW;
        }

        public int stablePercent() {
            return rollout == null ? 100 : 100 - rollout.candidatePercent();
        }

        public int stepNumber() {
            return rollout == null ? 0 : rollout.stepIndex() + 1;
        }
    }

    private Panel panel(String name) {
        Optional<RolloutView> latest;
        try {
            latest = Optional.of(rollouts.latest(name));
        } catch (NotFoundException none) {
            latest = Optional.empty();
        }
        return new Panel(latest.orElse(null), latest.map(this::series).orElse("{}"));
    }

    /** Per judged decision: candidate and stable p99 and error rate (null where nothing was measured). */
    private String series(RolloutView r) {
        var judged = r.decisions().stream().filter(d -> d.evidence() != null).toList();
        var body = java.util.Map.of("at", judged.stream().map(d -> d.at().toString()).toList(),
                "candidateP99", judged.stream().map(d -> d.evidence().candidateP99Ms()).toList(),
                "stableP99", judged.stream().map(d -> d.evidence().stableP99Ms()).toList(),
                "candidateErrors", judged.stream().map(d -> d.evidence().candidateErrorRate()).toList(),
                "stableErrors", judged.stream().map(d -> d.evidence().stableErrorRate()).toList());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
