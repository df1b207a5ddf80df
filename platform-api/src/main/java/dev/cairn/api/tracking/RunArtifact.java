package dev.cairn.api.tracking;

import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A file a run produced: its bytes live in the content-addressed store under {@code sha256}. */
@Embeddable
public record RunArtifact(String sha256, long sizeBytes, String contentType, Instant createdAt) {

    /** Names are URL path segments and download file names: no separators, no leading dot. */
    public static final String NAME_PATTERN = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}";
}
