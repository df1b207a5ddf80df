package dev.cairn.monitoring.window;

import dev.cairn.monitoring.reference.ReferenceLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open windows of every deployment's model versions (a canary and the stable version share a deployment id and
 * are monitored apart, each against its own training data). At most {@code max-monitors} are kept; events of further
 * ones are dropped and counted. Calls are serialised on this object: the predictions and feedback consumers each
 * hold it for one event at a time.
 */
public final class Monitors {

    private record Key(String deploymentId, String modelVersion) {
    }

    private final WindowConfig config;
    private final ReferenceLookup references;
    private final Map<Key, DeploymentWindow> windows = new LinkedHashMap<>();
    private long dropped;

    public Monitors(WindowConfig config, ReferenceLookup references) {
        this.config = config;
        this.references = references;
    }

    /** Counts a prediction; returns the report of the window it closed, if any. */
    public synchronized Optional<WindowReport> onPrediction(PredictionSample sample, long nowMillis) {
        if (sample.deploymentId == null) {
            dropped++;
            return Optional.empty();
        }
        var key = new Key(sample.deploymentId, sample.modelVersion);
        DeploymentWindow window = windows.get(key);
        if (window == null) {
            if (windows.size() >= config.maxMonitors()) {
                dropped++;
                return Optional.empty();
            }
            window = new DeploymentWindow(sample.deploymentId, sample.modelVersion,
                    references.of(sample.modelPackage), config);
            windows.put(key, window);
        }
        return window.record(sample, nowMillis);
    }

    /** Joins a true label to its prediction (any model version of the deployment); false when none is waiting. */
    public synchronized boolean onFeedback(String deploymentId, String predictionId, String label, long nowMillis) {
        for (var entry : windows.entrySet()) {
            if (entry.getKey().deploymentId().equals(deploymentId)
                    && entry.getValue().feedback(predictionId, label, nowMillis)) {
                return true;
            }
        }
        return false;
    }

    /** Reports of the time windows that went idle. */
    public synchronized List<WindowReport> closeIdle(long nowMillis) {
        var reports = new ArrayList<WindowReport>();
        windows.values().forEach(w -> w.closeIfIdle(nowMillis).ifPresent(reports::add));
        return reports;
    }

    public synchronized long dropped() {
        return dropped;
    }
}
