package dev.cairn.api.deployments;

import dev.cairn.api.Roles;
import dev.cairn.api.audit.Audit;
import dev.cairn.api.problem.ConflictException;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.api.registry.AliasMoves;
import dev.cairn.api.registry.ModelVersion;
import dev.cairn.api.registry.RegistryConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Deployments: serve a model alias under a stable endpoint, follow the alias, roll back, take down. The runtime
 * works outside any transaction (starting servers takes seconds); the row and its audit entry are written once the
 * servers answer, so the database never claims a deployment that does not serve.
 */
@Path("/api/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {
    private final DeploymentRuntime runtime;
    private final Audit audit;
    private final AliasMoves aliases;
    private final RegistryConfig registry;
    private final SecurityIdentity identity;
    private final RolloutController rollouts;

    /** {@code cairn.deployments.runtime} leaves exactly one runtime to look up. */
    DeploymentResource(Instance<DeploymentRuntime> runtimes, Audit audit, AliasMoves aliases,
            RegistryConfig registry, SecurityIdentity identity, RolloutController rollouts) {
        this.rollouts = rollouts;
        this.runtime = runtimes.get();
        this.audit = audit;
        this.aliases = aliases;
        this.registry = registry;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CI, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Serve a model alias (default production) with N replicas under a new deployment",
            description = "Answers once the servers are ready (201). 409 when the name is taken, 404 for an "
                    + "unknown model or alias, 503 runtime-unavailable when the servers did not start. Protected "
                    + "aliases (production) need release-manager or admin.")
    public Response create(@Valid @NotNull DeployRequest request) {
        String alias = request.aliasOrDefault();
        requireMayDeploy(alias);
        if (QuarkusTransaction.requiringNew().call(() -> Deployment.byName(request.name()).isPresent())) {
            throw new ConflictException("deployment-exists", "deployment '" + request.name() + "' exists");
        }
        ServedVersion version = resolve(request.model(), alias);
        var endpoint = runtime.serve(request.name(), version, request.replicasOrDefault());
        try {
            var created = QuarkusTransaction.requiringNew().call(() -> {
                var d = new Deployment();
                d.name = request.name();
                d.modelName = request.model();
                d.alias = alias;
                d.replicas = request.replicasOrDefault();
                d.runtime = runtime.name();
                d.endpoint = endpoint.toString();
                d.createdAt = Instant.now();
                d.nowServes(version, audit.actor());
                d.persist();
                audit.record(Deployment.CREATED, Deployment.auditTarget(d.name), null, d.state());
                return DeploymentView.of(d);
            });
            return Response.status(Response.Status.CREATED).entity(created).build();
        } catch (RuntimeException e) {
            runtime.remove(request.name()); // nothing recorded, so nothing may keep serving
            throw e;
        }
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "All deployments, by name")
    public List<DeploymentView> list() {
        return Deployment.<Deployment> list("order by name").stream().map(this::withLiveStatus).toList();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "One deployment: what it serves, where, and what it served before")
    public DeploymentView get(@RestPath String name) {
        return withLiveStatus(require(name));
    }

    @POST
    @Path("/{name}/sync")
    @RolesAllowed({ Roles.CI, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Serve the version the deployment's alias points at now",
            description = "After the alias moved (a promotion): new servers start, traffic switches once they are "
                    + "ready, the old ones stop after draining; no request is lost. Nothing changes when the alias "
                    + "still points at the served version. Protected aliases need release-manager or admin.")
    public DeploymentView sync(@RestPath String name) {
        var deployment = require(name);
        requireMayDeploy(deployment.alias);
        if (QuarkusTransaction.requiringNew().call(() -> Rollout.running(name).isPresent())) {
            throw new ConflictException("rollout-in-progress", "deployment '" + name
                    + "' has a rollout in progress; its end moves the alias, or roll it back first");
        }
        ServedVersion target = resolve(deployment.modelName, deployment.alias);
        if (target.version() == deployment.version && runtime.isServing(name)) {
            return DeploymentView.of(deployment);
        }
        return switchTo(name, target, Deployment.UPDATED, false);
    }

    @POST
    @Path("/{name}/rollback")
    @RolesAllowed({ Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Serve the version served before the last change, and point the alias back at it",
            description = "The SRE's lever: traffic returns to the previous version without a lost request, and the "
                    + "alias follows, so the registry and what serves never disagree. During a rollout: the "
                    + "rollout is rolled back instead (all traffic to the stable version, candidate stopped, alias "
                    + "unchanged). 409 nothing-to-roll-back for a deployment that never changed version.")
    public DeploymentView rollback(@RestPath String name) {
        var deployment = require(name);
        if (rollouts.rollBackByHand(name, audit.actor(), "rolled back by hand")) {
            return DeploymentView.of(require(name));
        }
        if (deployment.previousVersion == null) {
            throw new ConflictException("nothing-to-roll-back",
                    "deployment '" + name + "' has served only version " + deployment.version);
        }
        ServedVersion previous = QuarkusTransaction.requiringNew().call(() -> served(deployment.modelName,
                ModelVersion.of(deployment.modelName, deployment.previousVersion).orElseThrow(
                        () -> new NotFoundException("version " + deployment.previousVersion + " of model '"
                                + deployment.modelName + "' no longer exists"))));
        return switchTo(name, previous, Deployment.ROLLED_BACK, true);
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed({ Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Stop serving: the servers stop and the endpoint closes (204)")
    public void delete(@RestPath String name) {
        rollouts.rollBackByHand(name, audit.actor(), "deployment deleted");
        QuarkusTransaction.requiringNew().run(() -> {
            var d = Deployment.<Deployment> find("name", name).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .firstResultOptional().orElseThrow(() -> unknown(name));
            audit.record(Deployment.DELETED, Deployment.auditTarget(name), d.state(), null);
            d.delete();
        });
        runtime.remove(name);
    }

    private DeploymentView switchTo(String name, ServedVersion target, String action, boolean moveAlias) {
        var current = require(name);
        var endpoint = runtime.serve(name, target, current.replicas);
        return QuarkusTransaction.requiringNew().call(() -> {
            Deployment d = Deployment.<Deployment> find("name", name)
                    .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                    .orElseThrow(() -> unknown(name));
            var before = d.state();
            d.endpoint = endpoint.toString();
            d.nowServes(target, audit.actor());
            if (moveAlias) {
                aliases.point(d.modelName, d.alias, target.version());
            }
            audit.record(action, Deployment.auditTarget(name), before, d.state());
            return DeploymentView.of(d);
        });
    }

    private ServedVersion resolve(String model, String alias) {
        return QuarkusTransaction.requiringNew().call(() -> served(model, ModelVersion.aliased(model, alias)
                .orElseThrow(() -> new NotFoundException("model '" + model + "' has no alias '" + alias + "'"))));
    }

    private static ServedVersion served(String model, ModelVersion version) {
        return new ServedVersion(model, version.version, version.manifestSha256);
    }

    private Deployment require(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Deployment.byName(name).orElseThrow(() -> unknown(name)));
    }

    private DeploymentView withLiveStatus(Deployment d) {
        var view = DeploymentView.of(d);
        if (d.status == Deployment.Status.SERVING && !runtime.isServing(d.name)) {
            d.status = Deployment.Status.STOPPED; // detached: the view only, the row says what should serve
            view = DeploymentView.of(d);
        }
        return view;
    }

    private static NotFoundException unknown(String name) {
        return new NotFoundException("no deployment named '" + name + "'");
    }

    private void requireMayDeploy(String alias) {
        if (registry.protectedAliases().contains(alias) && !identity.hasRole(Roles.RELEASE_MANAGER)
                && !identity.hasRole(Roles.ADMIN)) {
            throw new ProtectedDeploymentException(alias);
        }
    }
}
