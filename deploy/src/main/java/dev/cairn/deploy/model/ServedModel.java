package dev.cairn.deploy.model;

import dev.cairn.store.model.LoadedModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The one model version this server answers for, once it is loaded and warmed. Until then {@link #ready()} is
 * empty, readiness probes fail and prediction endpoints answer 503, so a router never sends traffic to a server
 * that would make its first clients wait for class loading and the JIT.
 */
@ApplicationScoped
public class ServedModel {

    private final ServingConfig config;
    private volatile Loaded loaded;

    public ServedModel(ServingConfig config) {
        this.config = config;
    }

    /** The model with what the endpoints need precomputed from its manifest. */
    public record Loaded(LoadedModel model, ModelSchema schema) {
    }

    public Optional<Loaded> ready() {
        return Optional.ofNullable(loaded);
    }

    public String name() {
        return config.modelName();
    }

    public String version() {
        return config.modelVersion();
    }

    public String deploymentId() {
        return config.deploymentId();
    }

    public String modelPackage() {
        return config.modelPackage();
    }

    void markReady(LoadedModel model) {
        this.loaded = new Loaded(model, ModelSchema.of(model.manifest()));
    }
}
