package dev.cairn.deploy.inference;

import java.util.Map;

/** The model's answer for one row, with the id a client quotes when it later reports the true label. */
public record Answer(String predictionId, String label, Map<String, Double> probabilities) {
}
