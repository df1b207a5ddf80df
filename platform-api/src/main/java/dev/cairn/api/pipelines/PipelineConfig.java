package dev.cairn.api.pipelines;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "cairn.pipelines")
interface PipelineConfig {
    /**
     * Goes into every step cache key: the workers and the control plane are released together, so the
     * release version stands for the code that produced a cached output.
     */
    String cacheVersion();
}
