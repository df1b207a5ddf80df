package dev.cairn.api.registry;

import dev.cairn.store.model.InputFeature;
import java.time.Instant;
import java.util.List;
import java.util.Map;

record ModelVersionView(String name, int version, Map<String, Double> metrics, List<String> labels,
        List<InputFeature> inputSignature, ModelLineage lineage, String manifestSha256, String payloadSha256,
        List<String> aliases, Instant createdAt) {

    static ModelVersionView of(ModelVersion v) {
        return new ModelVersionView(v.model.name, v.version, v.metrics, v.labels, v.inputSignature, v.lineage,
                v.manifestSha256, v.payloadSha256, v.aliases(), v.createdAt);
    }
}
