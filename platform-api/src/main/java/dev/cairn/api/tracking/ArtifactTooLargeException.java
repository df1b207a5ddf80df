package dev.cairn.api.tracking;

class ArtifactTooLargeException extends RuntimeException {
    ArtifactTooLargeException(long limit) {
        super("The artifact exceeds the limit of " + limit + " bytes (cairn.tracking.max-artifact-bytes)");
    }
}
