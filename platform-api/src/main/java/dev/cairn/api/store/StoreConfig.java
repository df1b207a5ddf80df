package dev.cairn.api.store;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** Where artifacts live. Pipeline workers must be configured with the same root (or, later, bucket). */
@ConfigMapping(prefix = "cairn.store")
interface StoreConfig {
    /** Root directory of the content-addressed filesystem store. */
    Path root();
}
