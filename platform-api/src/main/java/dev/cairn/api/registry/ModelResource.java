package dev.cairn.api.registry;

import dev.cairn.api.PageView;
import dev.cairn.api.Roles;
import dev.cairn.api.problem.NotFoundException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Reading the registry. Versions are registered by pipeline runs (see {@link ModelVersion#register}). */
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "List registered models by name, with their latest version and aliases")
    public PageView<ModelView> list(@RestQuery @DefaultValue("0") @Min(0) int page,
            @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = RegisteredModel.<RegisteredModel> findAll(Sort.by("name")).page(Page.of(page, size));
        return new PageView<>(query.list().stream().map(ModelView::of).toList(), page, size, query.count());
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "One registered model")
    public ModelView get(@RestPath String name) {
        return ModelView.of(RegisteredModel.require(name));
    }

    @GET
    @Path("/{name}/versions")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "The versions of a model, newest first")
    public PageView<ModelVersionView> versions(@RestPath String name, @RestQuery @DefaultValue("0") @Min(0) int page,
            @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        var model = RegisteredModel.require(name);
        var versions = ModelVersion.pageOf(model, page, size).stream().map(ModelVersionView::of).toList();
        return new PageView<>(versions, page, size, ModelVersion.countOf(model));
    }

    @GET
    @Path("/{name}/versions/{version}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    @Operation(summary = "One model version: metrics, labels, input signature, lineage, package digest, aliases")
    public ModelVersionView version(@RestPath String name, @RestPath int version) {
        var model = RegisteredModel.require(name);
        return ModelVersion.of(model, version).map(ModelVersionView::of)
                .orElseThrow(() -> new NotFoundException("Model '" + name + "' has no version " + version));
    }
}
