package dev.cairn.api.pipelines;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cairn.pipelines")
interface PipelineConfig {
    /**
     * Goes into every step cache key: the workers and the control plane are released together, so the
     * release version stands for the code that produced a cached output.
     */
    String cacheVersion();

    /**
     * How many partitions of {@code cairn.tasks} search trials are placed on (one worker each at most, so more
     * workers than this cannot all run trials). The relay takes a placement modulo the topic's real count.
     */
    @WithDefault("4")
    int taskPartitions();
}
