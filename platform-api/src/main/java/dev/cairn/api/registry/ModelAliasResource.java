package dev.cairn.api.registry;

import dev.cairn.api.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/** Aliases (production, champion, staging, ...): the only way they move. */
@Path("/api/models/{name}/aliases")
@Produces(MediaType.APPLICATION_JSON)
public class ModelAliasResource {
    private final SecurityIdentity identity;

    ModelAliasResource(SecurityIdentity identity) {
        this.identity = identity;
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
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Point an alias at a version (creates or moves it)",
            description = "Alias names: lowercase letters, digits and '-', at most 40, not only digits. "
                    + "An unknown version is a 422.")
    public AliasView put(@RestPath String name, @RestPath String alias, @Valid @NotNull AliasTarget body) {
        var model = RegisteredModel.requireForUpdate(name);
        return AliasView.of(model.point(alias, body.version(), identity.getPrincipal().getName()));
    }

    @DELETE
    @Path("/{alias}")
    @Transactional
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Remove an alias (the version stays)")
    public void delete(@RestPath String name, @RestPath String alias) {
        RegisteredModel.requireForUpdate(name).removeAlias(alias);
    }
}
