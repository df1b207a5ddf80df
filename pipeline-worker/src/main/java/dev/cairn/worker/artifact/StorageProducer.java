package dev.cairn.worker.artifact;

import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;

/** Makes the model-store's filesystem backend a bean; an S3 backend would be chosen here by configuration. */
class StorageProducer {

    /** Built at startup, so an unusable root stops the worker at once rather than failing its first task. */
    @Produces
    @Singleton
    @Startup
    ArtifactStorage storage(StoreConfig config) throws IOException {
        return new FilesystemArtifactStorage(Path.of(config.root()));
    }
}
