package dev.cairn.api.tracking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cairn.tracking")
interface TrackingConfig {
    /** Artifact uploads larger than this are refused with 413 and leave no record. 1 GiB. */
    @WithDefault("1073741824")
    long maxArtifactBytes();
}
