package dev.cairn.api.tracking;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

record ArtifactView(String name, String sha256, long sizeBytes, String contentType, Instant createdAt) {

    static ArtifactView of(String name, RunArtifact a) {
        return new ArtifactView(name, a.sha256(), a.sizeBytes(), a.contentType(), a.createdAt());
    }

    static List<ArtifactView> of(Run run) {
        return run.artifacts().entrySet().stream()
                .map(e -> of(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(ArtifactView::name))
                .toList();
    }
}
