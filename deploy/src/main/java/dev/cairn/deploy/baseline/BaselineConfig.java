package dev.cairn.deploy.baseline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cairn.serving")
public interface BaselineConfig {

    /** Serve {@code POST /baseline}, the benchmark's trivial endpoint. */
    @WithDefault("false")
    boolean baselineEndpoint();
}
