package dev.cairn.api.datasets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "cairn.datasets")
interface DatasetConfig {
    /** Uploads larger than this are refused with 413 and leave nothing behind. 1 GiB. */
    @WithDefault("1073741824")
    long maxUploadBytes();

    /**
     * Cell values read as missing besides the empty cell, unless an upload names its own (in some
     * files "None" is a real category).
     */
    @WithDefault("NA,N/A,?")
    List<String> missingTokens();
}
