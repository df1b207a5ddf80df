package dev.cairn.monitoring.window;

import dev.cairn.monitoring.drift.FeatureDrift;
import dev.cairn.monitoring.reference.Reference;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.profile.CategoricalReference;
import dev.cairn.store.profile.NumericReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open window of one deployment's model version, updated event by event: every counter is allocated when the
 * monitor is created and cleared when a window closes, so memory depends on the reference and the configured
 * bounds, never on traffic. Not thread-safe: {@link Monitors} serialises calls per instance.
 */
public final class DeploymentWindow {

    private final String deploymentId;
    private final String modelVersion;
    private final Reference reference;
    private final WindowConfig config;
    private final Map<String, NumericCounts> numeric = new HashMap<>();
    private final Map<String, CategoryCounts> categorical = new HashMap<>();
    private final CategoryCounts predictions;
    private final Map<String, PodHealth> pods = new LinkedHashMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final Performance performance = new Performance();
    private final FeedbackJoin join;
    private final long durationMillis;
    private long rows;
    private long errors;
    private long windowStart = Long.MIN_VALUE;
    private long windowEnd = Long.MIN_VALUE;
    private long lastEventWallClock;
    private String[] slotNames = new String[0];
    private Object[] slots = new Object[0];

    public DeploymentWindow(String deploymentId, String modelVersion, Reference reference, WindowConfig config) {
        this.deploymentId = deploymentId;
        this.modelVersion = modelVersion;
        this.reference = reference;
        this.config = config;
        this.durationMillis = config.duration().toMillis();
        this.join = new FeedbackJoin(config.feedbackCapacity(), config.feedbackTtl().toMillis());
        if (reference.hasProfile()) {
            for (NumericReference n : reference.profile().numeric()) {
                numeric.put(n.name(), new NumericCounts(n));
            }
            for (CategoricalReference c : reference.profile().categorical()) {
                categorical.put(c.name(), new CategoryCounts(c, reference.seenCategories().get(c.name()),
                        "categorical", config.maxNewCategories()));
            }
            predictions = new CategoryCounts(new CategoricalReference("prediction", reference.profile().predictions(),
                    0, 0), null, "prediction", config.maxNewCategories());
        } else {
            predictions = null;
        }
    }

    /**
     * Counts one prediction; when it belongs after the open time window, or fills the count window, the window closes
     * and its report is returned.
     */
    public Optional<WindowReport> record(PredictionSample sample, long nowMillis) {
        Optional<WindowReport> closed = Optional.empty();
        long at = sample.atMillis == Long.MIN_VALUE ? nowMillis : sample.atMillis;
        if (config.kind() == WindowConfig.Kind.TIME && rows > 0 && at >= windowEnd) {
            closed = Optional.of(close());
        }
        if (rows == 0) {
            open(at);
        }
        lastEventWallClock = nowMillis;
        count(sample, nowMillis);
        if (config.kind() == WindowConfig.Kind.COUNT && rows >= config.events()) {
            windowEnd = at;
            closed = Optional.of(close());
        }
        return closed;
    }

    private void open(long at) {
        windowStart = config.kind() == WindowConfig.Kind.TIME ? Math.floorDiv(at, durationMillis) * durationMillis : at;
        windowEnd = config.kind() == WindowConfig.Kind.TIME ? windowStart + durationMillis : at;
    }

    private void count(PredictionSample sample, long nowMillis) {
        rows++;
        String pod = pod(sample.pod);
        pods.computeIfAbsent(pod, p -> new PodHealth()).add(sample.latencyMicros, sample.error);
        if (sample.error) {
            errors++;
            return;
        }
        if (sample.latencyMicros >= 0) {
            latency.add(sample.latencyMicros);
        }
        MissingTokens missing = reference.missingTokens();
        for (int i = 0; i < sample.featureNames.size(); i++) {
            countFeature(slot(i, sample.featureNames.get(i)), sample.featureValues.get(i), missing);
        }
        if (predictions != null && sample.label != null) {
            predictions.add(sample.label);
        }
        join.remember(sample.predictionId, sample.label, nowMillis);
    }

    /**
     * The counter of the i-th feature of an event. Events of one deployment list their features in the same order,
     * and the decoder's field names are interned, so the name seen last at position i is checked by identity
     * before any hashing: one comparison per cell instead of a map lookup.
     */
    private Object slot(int i, String name) {
        if (i >= slotNames.length) {
            slotNames = java.util.Arrays.copyOf(slotNames, i + 8);
            slots = java.util.Arrays.copyOf(slots, i + 8);
        }
        if (slotNames[i] != name) {
            slotNames[i] = name;
            Object counts = numeric.get(name);
            slots[i] = counts != null ? counts : categorical.get(name);
        }
        return slots[i];
    }

    private static void countFeature(Object counts, String cell, MissingTokens missing) {
        if (counts instanceof NumericCounts n) {
            if (missing.isMissing(cell)) {
                n.addMissing();
            } else {
                countNumber(n, cell);
            }
        } else if (counts instanceof CategoryCounts c) {
            if (missing.isMissing(cell)) {
                c.addMissing();
            } else {
                c.add(cell);
            }
        }
    }

    private static void countNumber(NumericCounts counts, String cell) {
        double value = DecimalText.parse(cell);
        if (Double.isNaN(value)) {
            counts.addInvalid();
        } else {
            counts.add(value);
        }
    }

    private String pod(String pod) {
        String name = pod == null ? "unknown" : pod;
        return pods.containsKey(name) || pods.size() < config.maxPods() ? name : "other";
    }

    /** A true label arrived: counted in the open window if its prediction is still waiting. */
    public boolean feedback(String predictionId, String truth, long nowMillis) {
        String predicted = join.take(predictionId, nowMillis);
        if (predicted == null || truth == null) {
            return false;
        }
        performance.add(truth, predicted);
        return true;
    }

    /** Closes a window that received nothing for one window length of wall-clock time (time windows only). */
    public Optional<WindowReport> closeIfIdle(long nowMillis) {
        if (config.kind() == WindowConfig.Kind.TIME && rows > 0 && nowMillis - lastEventWallClock >= durationMillis) {
            return Optional.of(close());
        }
        return Optional.empty();
    }

    private WindowReport close() {
        var features = new ArrayList<FeatureDrift>();
        numeric.values().forEach(n -> n.settle(rows - errors));
        categorical.values().forEach(c -> c.settle(rows - errors));
        if (reference.hasProfile()) {
            for (String name : reference.featureNames()) {
                features.add(numeric.containsKey(name) ? numeric.get(name).drift() : categorical.get(name).drift());
            }
        }
        var report = new WindowReport(deploymentId, modelVersion, reference.modelPackage(),
                Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd), rows,
                reference.hasProfile() && rows - errors >= config.minEvents(), List.copyOf(features),
                predictions == null ? null : predictions.drift(), performance.report(), health());
        reset();
        return report;
    }

    private HealthReport health() {
        var podReports = new ArrayList<HealthReport.Pod>();
        pods.forEach((name, pod) -> podReports.add(pod.report(name)));
        return new HealthReport(rows, errors, rows == 0 ? 0 : (double) errors / rows, latency.quantileMillis(0.5),
                latency.quantileMillis(0.95), latency.quantileMillis(0.99), podReports);
    }

    private void reset() {
        rows = 0;
        errors = 0;
        numeric.values().forEach(NumericCounts::reset);
        categorical.values().forEach(CategoryCounts::reset);
        if (predictions != null) {
            predictions.reset();
        }
        pods.clear();
        latency.reset();
        performance.reset();
    }

    public String deploymentId() {
        return deploymentId;
    }

    int pendingFeedback() {
        return join.size();
    }
}
