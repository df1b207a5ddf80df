package dev.cairn.contracts;

import java.time.Instant;

/**
 * A fact on {@code cairn.alerts} (key: deployment id): an alert rule started or stopped firing for a deployment. One
 * record when it fires, one when it resolves; the control plane persists them and applies the retraining policy to
 * {@code DRIFT} and {@code PERFORMANCE} alerts.
 *
 * @param alertId stable for one firing episode: the resolving record repeats the firing record's id
 * @param kind what the rule watches
 * @param rule the rule's name in monitoring's configuration, e.g. {@code feature-psi}
 * @param feature the input feature, {@code prediction} for prediction drift, null for performance and health
 * @param metric e.g. {@code psi}, {@code accuracy}, {@code latency_p99_ms}
 * @param value the metric in the window that changed the state
 * @param threshold the value the rule fires beyond (or resolves at, for a resolving record)
 * @param windowPredictions predictions in that window
 */
public record AlertChanged(int version, String alertId, State state, Kind kind, String deploymentId,
        String modelVersion, String modelPackage, String rule, String feature, String metric, double value,
        double threshold, Instant windowStart, Instant windowEnd, long windowPredictions, String message,
        Instant at) {

    public static final int CURRENT_VERSION = 1;

    public enum State {
        FIRING, RESOLVED
    }

    public enum Kind {
        DRIFT, QUALITY, PERFORMANCE, HEALTH
    }
}
