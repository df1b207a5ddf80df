package dev.cairn.deploy.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Which model version this server answers for, and where it comes from. One process serves one version. */
@ConfigMapping(prefix = "cairn.serving")
public interface ServingConfig {

    /** The registered model's name, as clients address it in {@code /v2/models/{name}}. */
    String modelName();

    /** The registered version (e.g. {@code 3}); {@code /v2/models/{name}/versions/{v}} answers only for it. */
    String modelVersion();

    /** SHA-256 of the model package's manifest in the store: it names the package and pins its bytes. */
    String modelPackage();

    /** The deployment this server belongs to: the key of every record it publishes to {@code cairn.predictions}. */
    String deploymentId();

    /** Predict calls made on a synthetic row before the server reports ready, so the first client is not the JIT's. */
    @WithDefault("20000")
    int warmupRows();

    /**
     * Upper bound on the warm-up's time: on a starved machine the rows could take seconds, and a late first answer
     * costs more than a partly compiled path. 300 ms compile the hot path's main methods (more with the AOT cache's
     * profiles) and keep deploy-to-first-prediction under 3 s (bench/deploy-time.md).
     */
    @WithDefault("300ms")
    Duration warmupBudget();

    /**
     * The build's AOT training run: serve a small synthetic model instead of {@link #modelPackage()}, call the
     * server's own APIs, then exit with status 0 (the JVM then writes its AOT cache). Never set in production.
     */
    @WithDefault("false")
    boolean aotTraining();
}
