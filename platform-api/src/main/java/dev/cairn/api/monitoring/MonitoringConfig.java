package dev.cairn.api.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much monitoring history the control plane keeps. */
@ConfigMapping(prefix = "cairn.monitoring")
public interface MonitoringConfig {
    /**
     * Windows kept per deployment; older ones are dropped as new ones arrive. 2,000 windows of 15 minutes are about
     * three weeks.
     */
    @WithDefault("2000")
    int windowsKept();
}
