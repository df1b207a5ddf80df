package dev.cairn.api.ui;

import dev.cairn.api.Roles;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.api.registry.AliasTarget;
import dev.cairn.api.registry.ModelAliasResource;
import dev.cairn.api.registry.RegistryConfig;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestPath;

/** The model registry: models, a model's versions, one version (evaluation, lineage, aliases) and alias moves. */
@Path("/ui/models")
@Produces(MediaType.TEXT_HTML)
public class ModelPages {
    /** The aliases the promote form offers; any other name works through the API. */
    static final List<String> ALIASES = List.of("staging", "champion", "production");
    private final Page page;
    private final ModelQueries models;
    private final ModelAliasResource aliases;
    private final RegistryConfig registry;
    private final Engine templates;

    ModelPages(Page page, ModelQueries models, ModelAliasResource aliases, RegistryConfig registry, Engine templates) {
        this.page = page;
        this.models = models;
        this.aliases = aliases;
        this.registry = registry;
        this.templates = templates;
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public TemplateInstance list() {
        return page.of(templates.getTemplate("models.html"), "models").data("models", models.models());
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public TemplateInstance model(@RestPath String name) {
        var versions = models.versions(name);
        if (versions.isEmpty()) {
            throw new NotFoundException("No model named '" + name + "'");
        }
        return page.of(templates.getTemplate("model.html"), "models").data("name", name).data("versions", versions)
                .data("chartJson", models.metricsByVersion(versions));
    }

    @GET
    @Path("/{name}/versions/{version}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public TemplateInstance version(@RestPath String name, @RestPath int version) {
        var found = models.version(name, version)
                .orElseThrow(() -> new NotFoundException("Model '" + name + "' has no version " + version));
        var evaluation = models.evaluation(found.pipelineRunId());
        return page.of(templates.getTemplate("model-version.html"), "models").data("v", found).data("lineage", found.lineage())
                .data("heatmap", Heatmap.of(evaluation).orElse(null)).data("gate", gate(evaluation))
                .data("aliases", aliasOptions());
    }

    /** Points an alias at a version through the API's resource: its role rules, protected aliases and audit entry. */
    @POST
    @Path("/{name}/aliases/{alias}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.RELEASE_MANAGER, Roles.ADMIN })
    public Response promote(@RestPath String name, @RestPath String alias, @Valid @NotNull AliasTarget body) {
        return Response.ok(aliases.put(name, alias, body)).build();
    }

    @POST
    @Path("/{name}/aliases/{alias}/rollback")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.RELEASE_MANAGER, Roles.ADMIN })
    public Response rollback(@RestPath String name, @RestPath String alias) {
        return Response.ok(aliases.rollback(name, alias)).build();
    }

    /** An alias the promote form offers: protected ones are disabled for those who may not move them. */
    public record AliasOption(String name, boolean guarded, boolean disabled) {
    }

    private List<AliasOption> aliasOptions() {
        var viewer = page.viewer();
        return ALIASES.stream().map(alias -> {
            boolean guarded = registry.protectedAliases().contains(alias);
            boolean disabled = guarded ? !viewer.mayMoveProtectedAliases() : !viewer.mayWrite();
            return new AliasOption(alias, guarded, disabled);
        }).toList();
    }

    /** The promotion gate's result when the evaluation recorded one ({@code gate: {passed, expression, ...}}). */
    private static Map<String, Object> gate(Map<String, Object> evaluation) {
        return evaluation.get("gate") instanceof Map<?, ?> gate ? new TreeMap<>(stringKeys(gate)) : null;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        var copy = new TreeMap<String, Object>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
