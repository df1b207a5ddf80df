package dev.cairn.monitoring.window;

import java.util.ArrayList;
import java.util.List;

/**
 * One prediction event as monitoring needs it. Mutable and reused by the decoder: at 100,000 events a second,
 * allocating a map per event would cost more than the statistics.
 */
public final class PredictionSample {

    public String predictionId;
    public String deploymentId;
    public String modelVersion;
    public String modelPackage;
    public String label;
    public long latencyMicros = -1;
    /** Event time in epoch milliseconds; {@link Long#MIN_VALUE} when the event has none. */
    public long atMillis = Long.MIN_VALUE;
    public String pod;
    public boolean error;
    public final List<String> featureNames = new ArrayList<>();
    /** Raw cells as sent; null for a JSON null. */
    public final List<String> featureValues = new ArrayList<>();

    public void clear() {
        predictionId = null;
        deploymentId = null;
        modelVersion = null;
        modelPackage = null;
        label = null;
        latencyMicros = -1;
        atMillis = Long.MIN_VALUE;
        pod = null;
        error = false;
        featureNames.clear();
        featureValues.clear();
    }
}
