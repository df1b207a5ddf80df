package dev.cairn.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A fact on {@code cairn.monitoring} (key: deployment id): monitoring closed a window of one deployment's predictions
 * and measured it. The control plane keeps a bounded series of them: drift over time per feature. A figure that does
 * not apply (KS of a categorical feature, accuracy before any label arrived) is null.
 *
 * @param driftScored false when the window was too small to judge drift; its drift figures are then noise
 * @param prediction the predictions' drift against the training predictions; null without a reference profile
 */
public record WindowMeasured(int version, String deploymentId, String modelVersion, String modelPackage,
        Instant windowStart, Instant windowEnd, long predictions, boolean driftScored, List<Feature> features,
        Feature prediction, Performance performance, Health health, Instant at) {

    public static final int CURRENT_VERSION = 1;

    /**
     * One input feature's drift and data quality in the window.
     *
     * @param kind {@code numeric}, {@code categorical} or {@code prediction}
     */
    public record Feature(String feature, String kind, Double psi, Double ks, Double ksPValue, Double chiSquare,
            Double chiSquarePValue, Double jensenShannon, Double missingRate, Double outOfRangeRate,
            Double unseenRate, Double invalidRate) {
    }

    /** Performance on the labels that arrived in the window (macro recall and F1). */
    public record Performance(long labelled, Double accuracy, Double recall, Double f1) {
    }

    /** Requests, errors and latency percentiles (ms) of the whole deployment in the window. */
    public record Health(long requests, long errors, Double errorRate, Double p50Millis, Double p95Millis,
            Double p99Millis) {
    }
}
