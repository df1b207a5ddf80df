package dev.cairn.api.store;

import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;

/** The one artifact store of the control plane; the filesystem backend until an S3 one exists. */
class ArtifactStorageProducer {

    @Produces
    @ApplicationScoped
    ArtifactStorage storage(StoreConfig config) throws IOException {
        return new FilesystemArtifactStorage(config.root());
    }
}
