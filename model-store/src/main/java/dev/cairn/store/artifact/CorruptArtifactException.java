package dev.cairn.store.artifact;

import java.io.IOException;

/** The bytes read back are not the bytes stored under that digest: the file was altered or damaged. */
public class CorruptArtifactException extends IOException {

    private final String sha256;

    public CorruptArtifactException(String sha256, String message) {
        super(message);
        this.sha256 = sha256;
    }

    /** The digest the artifact was asked for (and its content no longer has). */
    public String sha256() {
        return sha256;
    }
}
