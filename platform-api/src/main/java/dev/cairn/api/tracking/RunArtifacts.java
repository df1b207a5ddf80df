package dev.cairn.api.tracking;

import dev.cairn.store.artifact.ArtifactStorage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * Takes an artifact from the wire into the store and names it on the run. The bytes are streamed
 * outside any transaction (an upload may take minutes); only naming them is transactional. Bytes
 * stored for a request that then fails are harmless: the store is content-addressed.
 */
@ApplicationScoped
class RunArtifacts {
    private final ArtifactStorage storage;
    private final TrackingConfig config;

    RunArtifacts(ArtifactStorage storage, TrackingConfig config) {
        this.storage = storage;
        this.config = config;
    }

    record Attached(String name, RunArtifact artifact, boolean created) {
    }

    Attached attach(String runId, String name, String contentType, InputStream body) throws IOException {
        // Refuse early, before reading a possibly large body, if the run cannot take it anyway.
        QuarkusTransaction.requiringNew().run(() -> Run.require(runId).requireRunning("add artifacts to"));
        var ref = storage.put(new SizeCappedInputStream(body, config.maxArtifactBytes()));
        var artifact = new RunArtifact(ref.sha256(), ref.size(), contentType, Instant.now());
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean created = Run.requireForUpdate(runId).attachArtifact(name, artifact);
            return new Attached(name, created ? artifact : Run.require(runId).artifacts().get(name), created);
        });
    }

    InputStream open(RunArtifact artifact) throws IOException {
        return storage.open(artifact.sha256());
    }
}
