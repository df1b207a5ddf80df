package dev.cairn.contracts;

import java.time.Instant;

/**
 * A fact on {@code cairn.feedback} (key: deployment id): the true outcome of a prediction became known. Monitoring
 * joins it to the prediction by {@code predictionId} to measure accuracy, recall and F1 per window.
 *
 * @param label the true class, spelled as the model's labels are
 * @param at when the outcome was observed
 */
public record FeedbackGiven(int version, String predictionId, String deploymentId, String label, Instant at) {

    public static final int CURRENT_VERSION = 1;
}
