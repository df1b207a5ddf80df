package dev.cairn.monitoring.alert;

import dev.cairn.contracts.AlertChanged.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One alert rule: a metric, the features it applies to, the level it fires beyond, the level it resolves at
 * (hysteresis: a value hovering around the threshold does not flap), and the cooldown after a firing during which the
 * same rule does not fire again for the same deployment and feature.
 *
 * @param features the features a per-feature metric is checked on; empty for all
 * @param above true: fires when value > threshold, resolves when value <= clear; false: fires below, resolves above
 */
public record AlertRule(String name, String metric, Set<String> features, boolean above, double threshold,
        double clear, Duration cooldown) {

    /** Per-feature metrics, read from each feature's {@code FeatureDrift}. */
    static final List<String> FEATURE_METRICS = List.of("psi", "ks", "ks_p_value", "chi_square", "chi_square_p_value",
            "jensen_shannon", "missing_rate", "out_of_range_rate", "unseen_rate", "invalid_rate");
    /** Metrics of the whole window. */
    static final List<String> WINDOW_METRICS = List.of("prediction_psi", "prediction_jensen_shannon",
            "prediction_chi_square_p_value", "accuracy", "recall", "f1", "error_rate", "latency_p50_ms",
            "latency_p95_ms", "latency_p99_ms");

    public AlertRule {
        if (!FEATURE_METRICS.contains(metric) && !WINDOW_METRICS.contains(metric)) {
            throw new IllegalArgumentException("alert rule '" + name + "' watches unknown metric '" + metric
                    + "'; known: " + FEATURE_METRICS + " " + WINDOW_METRICS);
        }
        if (above ? clear > threshold : clear < threshold) {
            throw new IllegalArgumentException("alert rule '" + name + "' resolves at " + clear
                    + ", beyond its threshold " + threshold);
        }
        features = Set.copyOf(features);
    }

    boolean perFeature() {
        return FEATURE_METRICS.contains(metric);
    }

    boolean appliesTo(String feature) {
        return features.isEmpty() || features.contains(feature);
    }

    boolean breached(double value) {
        return above ? value > threshold : value < threshold;
    }

    boolean cleared(double value) {
        return above ? value <= clear : value >= clear;
    }

    Kind kind() {
        if (metric.startsWith("prediction_") || metric.equals("psi") || metric.startsWith("ks")
                || metric.startsWith("chi_square") || metric.equals("jensen_shannon")) {
            return Kind.DRIFT;
        }
        return switch (metric) {
            case "accuracy", "recall", "f1" -> Kind.PERFORMANCE;
            case "error_rate", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms" -> Kind.HEALTH;
            default -> Kind.QUALITY;
        };
    }
}
