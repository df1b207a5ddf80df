package dev.cairn.monitoring.alert;

import dev.cairn.monitoring.window.WindowReport;

/** The window-level metrics alert rules can name, read from a report; NaN when the window has no such figure. */
final class WindowMetrics {

    private WindowMetrics() {
    }

    /** @param minLabels performance figures of windows with fewer labelled predictions are NaN: too noisy to judge */
    static double value(String metric, WindowReport r, long minLabels) {
        boolean judged = r.performance().labelled() >= minLabels;
        return switch (metric) {
            case "prediction_psi" -> r.driftScored() && r.predictionDrift() != null ? r.predictionDrift().psi() : Double.NaN;
            case "prediction_jensen_shannon" ->
                r.driftScored() && r.predictionDrift() != null ? r.predictionDrift().jensenShannon() : Double.NaN;
            case "prediction_chi_square_p_value" ->
                r.driftScored() && r.predictionDrift() != null ? r.predictionDrift().chiSquarePValue() : Double.NaN;
            case "accuracy" -> judged ? r.performance().accuracy() : Double.NaN;
            case "recall" -> judged ? r.performance().recall() : Double.NaN;
            case "f1" -> judged ? r.performance().f1() : Double.NaN;
            case "error_rate" -> r.health().requests() == 0 ? Double.NaN : r.health().errorRate();
            case "latency_p50_ms" -> r.health().p50Millis();
            case "latency_p95_ms" -> r.health().p95Millis();
            case "latency_p99_ms" -> r.health().p99Millis();
            default -> Double.NaN;
        };
    }
}
