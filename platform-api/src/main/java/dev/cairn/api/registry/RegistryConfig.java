package dev.cairn.api.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The model registry's settings. */
@ConfigMapping(prefix = "cairn.registry")
public interface RegistryConfig {

    /**
     * Aliases that only release managers (and admins) may move, delete or roll back, because something serves
     * them; other aliases are for everyone who may change the registry.
     */
    @WithDefault("production")
    List<String> protectedAliases();
}
