package dev.cairn.store.artifact;

import java.io.IOException;

/** Nothing is stored under the digest asked for. */
public class MissingArtifactException extends IOException {

    private final String sha256;

    public MissingArtifactException(String sha256) {
        super("no artifact with SHA-256 " + sha256);
        this.sha256 = sha256;
    }

    public String sha256() {
        return sha256;
    }
}
