package dev.cairn.api.registry;

import dev.cairn.api.Roles;
import dev.cairn.api.audit.Audit;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Aliases (production, champion, staging, ...): the only way they move. Every change is recorded in the audit log.
 * Protected aliases ({@code cairn.registry.protected-aliases}) change only for release managers and admins.
 */
@Path("/api/models/{name}/aliases")
@Produces(MediaType.APPLICATION_JSON)
public class ModelAliasResource {
    private final SecurityIdentity identity;
    private final RegistryConfig config;
    private final Audit audit;

    ModelAliasResource(SecurityIdentity identity, RegistryConfig config, Audit audit) {
        this.identity = identity;
        this.config = config;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "The aliases of a model, by name")
    public List<AliasView> list(@RestPath String name) {
        return RegisteredModel.require(name).aliases().stream().map(AliasView::of).toList();
    }

    @GET
    @Path("/{alias}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "The version an alias points at")
    public ModelVersionView get(@RestPath String name, @RestPath String alias) {
        var model = RegisteredModel.require(name);
        return model.alias(alias).map(a -> ModelVersionView.of(a.version))
                .orElseThrow(() -> model.unknownAlias(alias));
    }

    @PUT
    @Path("/{alias}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Point an alias at a version (creates or moves it)",
            description = "Alias names: lowercase letters, digits and '-', at most 40, not only digits. "
                    + "An unknown version is a 422. Protected aliases (production) need release-manager or admin.")
    public AliasView put(@RestPath String name, @RestPath String alias, @Valid @NotNull AliasTarget body) {
        requireMayChange(alias);
        var move = RegisteredModel.requireForUpdate(name).point(alias, body.version(), audit.actor());
        return AliasView.of(recorded(ModelAlias.MOVED, move));
    }

    @POST
    @Path("/{alias}/rollback")
    @Transactional
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Point an alias back at the version it pointed at before its last move",
            description = "The earlier version comes from the audit log; a second rollback undoes the first. 409 "
                    + "nothing-to-roll-back when the alias was created by its last move or was moved before the "
                    + "audit log existed. Protected aliases (production) need release-manager, sre or admin: "
                    + "an SRE may undo the last move of production but not choose what it points at.")
    public AliasView rollback(@RestPath String name, @RestPath String alias) {
        // The on-call SRE must be able to undo a bad promotion at night without a release manager; undoing only
        // ever restores a version that a release manager chose before.
        if (!identity.hasRole(Roles.SRE)) {
            requireMayChange(alias);
        }
        var move = RegisteredModel.requireForUpdate(name).rollBack(alias, audit.actor());
        return AliasView.of(recorded(ModelAlias.ROLLED_BACK, move));
    }

    @DELETE
    @Path("/{alias}")
    @Transactional
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.RELEASE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Remove an alias (the version stays)",
            description = "Protected aliases (production) need release-manager or admin.")
    public void delete(@RestPath String name, @RestPath String alias) {
        requireMayChange(alias);
        var model = RegisteredModel.requireForUpdate(name);
        int version = model.removeAlias(alias);
        audit.record(ModelAlias.DELETED, ModelAlias.auditTarget(model.name, alias), new AliasState(version), null);
    }

    /** The coarse roles are in @RolesAllowed; which aliases are protected is configuration, so it is checked here. */
    private void requireMayChange(String alias) {
        if (config.protectedAliases().contains(alias) && !identity.hasRole(Roles.RELEASE_MANAGER)
                && !identity.hasRole(Roles.ADMIN)) {
            throw new ProtectedAliasException(alias, Roles.RELEASE_MANAGER);
        }
    }

    private ModelAlias recorded(String action, AliasMove move) {
        if (move.changed()) {
            var alias = move.alias();
            audit.record(action, ModelAlias.auditTarget(alias.model.name, alias.name), move.before(), move.after());
        }
        return move.alias();
    }
}
