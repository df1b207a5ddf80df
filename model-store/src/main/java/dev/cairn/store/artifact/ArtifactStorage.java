package dev.cairn.store.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Content-addressed bytes: an artifact is named by the SHA-256 of its content, so storing the same
 * bytes twice is harmless and a reader can always tell whether what it got is what was written.
 * The seam between the filesystem backend (default) and an S3 backend.
 */
public interface ArtifactStorage {

    /** Streams the bytes in (never whole in memory) and returns their address. */
    ArtifactRef put(InputStream content) throws IOException;

    /**
     * Takes over a finished file (moved when possible, else copied) and returns its address. The
     * file is no longer at its path afterwards, even when the same bytes were already stored.
     */
    ArtifactRef put(Path file) throws IOException;

    /**
     * Opens an artifact for reading. The stream checks the SHA-256 as it is read and throws
     * {@link CorruptArtifactException} at the end if the bytes are not the ones stored.
     *
     * @throws MissingArtifactException if nothing is stored under that digest
     */
    InputStream open(String sha256) throws IOException;

    boolean exists(String sha256);
}
