package dev.cairn.api.monitoring;

import dev.cairn.contracts.WindowMeasured;
import java.time.Instant;
import java.util.List;

/**
 * Drift over time of one deployment: its windows, oldest first, each with the figures of the asked features (all
 * when none was asked), the predictions' drift, performance and health.
 */
public record DriftSeries(String deployment, String feature, List<Point> windows) {

    public record Point(Instant windowStart, Instant windowEnd, String modelVersion, long predictions,
            boolean driftScored, List<WindowMeasured.Feature> features, WindowMeasured.Feature prediction,
            WindowMeasured.Performance performance, WindowMeasured.Health health) {

        static Point of(MonitoringWindow w, String feature) {
            var features = feature == null ? w.features
                    : w.features.stream().filter(f -> f.feature().equals(feature)).toList();
            return new Point(w.windowStart, w.windowEnd, w.modelVersion, w.predictions, w.driftScored, features,
                    w.prediction, w.performance, w.health);
        }
    }
}
