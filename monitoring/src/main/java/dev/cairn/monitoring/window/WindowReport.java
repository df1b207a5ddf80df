package dev.cairn.monitoring.window;

import dev.cairn.monitoring.drift.FeatureDrift;
import java.time.Instant;
import java.util.List;

/**
 * A closed window of one deployment's model version: drift and quality per feature, prediction drift, performance on
 * the labels that arrived, and health. A fact, published and then forgotten: monitoring keeps no history.
 *
 * @param start event time of the first prediction (or the time window's start)
 * @param driftScored false when the window had fewer than {@code monitoring.window.min-events} predictions; its
 *        drift statistics are then left out of alerting
 * @param predictionDrift null without a reference profile
 */
public record WindowReport(String deploymentId, String modelVersion, String modelPackage, Instant start, Instant end,
        long predictions, boolean driftScored, List<FeatureDrift> features, FeatureDrift predictionDrift,
        PerformanceReport performance, HealthReport health) {
}
