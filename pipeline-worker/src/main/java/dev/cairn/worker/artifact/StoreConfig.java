package dev.cairn.worker.artifact;

import io.smallrye.config.ConfigMapping;

/** Where artifacts live; platform-api points at the same directory, which is how the two exchange files. */
@ConfigMapping(prefix = "cairn.store")
public interface StoreConfig {

    /** Root directory of the filesystem artifact store (created if absent). */
    String root();
}
