package dev.cairn.api.deployments;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Refuses to start with a {@code cairn.deployments.runtime} no runtime answers to: otherwise the mistake would surface
 * only at the first deployment, as an unsatisfied lookup.
 */
@ApplicationScoped
class RuntimeChoice {

    static final Set<String> RUNTIMES = Set.of("local", "kubernetes");

    void check(@Observes StartupEvent starting, DeploymentConfig config) {
        if (!RUNTIMES.contains(config.runtime())) {
            throw new IllegalStateException("cairn.deployments.runtime is '" + config.runtime() + "'; use one of "
                    + RUNTIMES);
        }
    }
}
