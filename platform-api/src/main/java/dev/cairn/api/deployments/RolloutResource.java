package dev.cairn.api.deployments;

import dev.cairn.api.Roles;
import dev.cairn.api.audit.Audit;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.api.registry.RegistryConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/** Rollouts of a deployment: start one, watch it, roll it back by hand. */
@Path("/api/deployments/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {
    private final RolloutController controller;
    private final DeploymentRuntime runtime;
    private final Audit audit;
    private final RegistryConfig registry;
    private final SecurityIdentity identity;

    RolloutResource(RolloutController controller, Instance<DeploymentRuntime> runtimes, Audit audit, RegistryConfig registry,
            SecurityIdentity identity) {
        this.controller = controller;
        this.runtime = runtimes.get();
        this.audit = audit;
        this.registry = registry;
        this.identity = identity;
    }

    @POST
    @Path("/rollouts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CI, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Roll a version of the deployment's model out (canary, blue-green or shadow)",
            description = "Answers 202 once the candidate's servers are ready and the first step's traffic is set; "
                    + "the controller then promotes or rolls back by itself. 409 rollout-in-progress or "
                    + "already-serving, 404 unknown deployment or version, 400 invalid-rollout, 503 when the "
                    + "candidate did not start. A deployment of a protected alias (production) needs "
                    + "release-manager or admin, since its completion moves the alias.")
    public Response start(@RestPath String name, @Valid @NotNull RolloutRequest request) {
        String alias = QuarkusTransaction.requiringNew().call(() -> Deployment.byName(name)
                .orElseThrow(() -> new NotFoundException("no deployment named '" + name + "'")).alias);
        if (registry.protectedAliases().contains(alias) && !identity.hasRole(Roles.RELEASE_MANAGER)
                && !identity.hasRole(Roles.ADMIN)) {
            throw new ProtectedDeploymentException(alias);
        }
        long id = controller.start(name, request, audit.actor());
        return Response.accepted(view(name, id)).build();
    }

    @GET
    @Path("/rollout")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "The deployment's latest rollout: progress, live observations and every decision with its "
            + "evidence (404 if it never had one)")
    public RolloutView latest(@RestPath String name) {
        long id = QuarkusTransaction.requiringNew().call(() -> Rollout.latest(name)
                .orElseThrow(() -> new NotFoundException("deployment '" + name + "' has had no rollout")).id);
        return view(name, id);
    }

    @POST
    @Path("/rollout/abort")
    @RolesAllowed({ Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Roll the running rollout back now: all traffic to stable, candidate stopped, alias "
            + "unchanged (409 no-rollout-running)")
    public RolloutView abort(@RestPath String name) {
        if (!controller.rollBackByHand(name, audit.actor(), "rolled back by hand")) {
            throw new dev.cairn.api.problem.ConflictException("no-rollout-running",
                    "deployment '" + name + "' has no rollout running");
        }
        return latest(name);
    }

    private RolloutView view(String name, long id) {
        var observed = runtime.observe(name);
        return QuarkusTransaction.requiringNew().call(() -> RolloutView.of(Rollout.findById(id), observed));
    }
}
