package dev.cairn.api.registry;

import java.util.Map;

/** A new model version as the audit log's {@code after} shows it. */
record RegisteredVersion(int version, String manifestSha256, Map<String, Double> metrics, String pipelineRunId) {

    static RegisteredVersion of(ModelVersion v) {
        return new RegisteredVersion(v.version, v.manifestSha256, v.metrics, v.sourceRunId);
    }
}
