package dev.cairn.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * A fact on {@code cairn.predictions} (key: deployment id): an inference server answered one row. Servers publish a
 * configurable sample of their answers; monitoring reads them for drift and health, and joins feedback to them by
 * {@code predictionId}.
 *
 * @param features the row as the caller sent it (raw cells by column, before imputation)
 * @param probabilities by label; empty when the model gives none
 * @param latencyMicros time spent answering the request the row came in, from parsed request to answer
 * @param endpoint {@code predict} (plain JSON) or {@code infer} (Open Inference Protocol v2)
 */
public record PredictionLogged(int version, String predictionId, String deploymentId, String model,
        String modelVersion, String modelPackage, Map<String, String> features, String label,
        Map<String, Double> probabilities, long latencyMicros, String endpoint, Instant at) {

    public static final int CURRENT_VERSION = 1;
}
