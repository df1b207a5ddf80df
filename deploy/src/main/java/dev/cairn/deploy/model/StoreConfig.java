package dev.cairn.deploy.model;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** The artifact store shared with the control plane and the workers (the same key they read). */
@ConfigMapping(prefix = "cairn.store")
public interface StoreConfig {

    /** Root of the filesystem artifact store. */
    Path root();
}
