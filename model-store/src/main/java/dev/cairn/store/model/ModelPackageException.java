package dev.cairn.store.model;

import java.io.IOException;

/**
 * A stored model package that this version of Cairn will not load: not a manifest, an unknown
 * payload format, a newer manifest version, or a payload that is not a classification model.
 * Damaged bytes are reported as {@link dev.cairn.store.artifact.CorruptArtifactException} instead.
 */
public class ModelPackageException extends IOException {

    public ModelPackageException(String message) {
        super(message);
    }

    public ModelPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
