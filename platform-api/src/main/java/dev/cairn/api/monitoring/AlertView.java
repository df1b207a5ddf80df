package dev.cairn.api.monitoring;

import dev.cairn.contracts.AlertChanged;
import java.time.Instant;

/** An alert episode as the API shows it, with what the retraining policy made of it (null: not its business). */
public record AlertView(String alertId, AlertChanged.State state, AlertChanged.Kind kind, String deployment,
        String modelVersion, String modelPackage, String rule, String feature, String metric, Double value,
        Double threshold, Instant windowStart, Instant windowEnd, Long windowPredictions, String message,
        Instant firedAt, Instant resolvedAt, Double resolvedValue, Retrain retraining) {

    /** @param runId the retraining run started, null when skipped */
    public record Retrain(RetrainingTrigger.Decision decision, String runId, String pipeline, String sourceRunId,
            String reason, Instant decidedAt) {
        static Retrain of(RetrainingTrigger t) {
            return t == null ? null
                    : new Retrain(t.decision, t.runId, t.pipeline, t.sourceRunId, t.reason, t.decidedAt);
        }
    }

    static AlertView of(Alert a, RetrainingTrigger trigger) {
        return new AlertView(a.alertId, a.state, a.kind, a.deploymentId, a.modelVersion, a.modelPackage, a.rule,
                a.feature, a.metric, a.value, a.threshold, a.windowStart, a.windowEnd, a.windowPredictions, a.message,
                a.firedAt, a.resolvedAt, a.resolvedValue, Retrain.of(trigger));
    }
}
