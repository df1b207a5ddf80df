package dev.cairn.store.model;

import java.util.Map;

/**
 * A model's answer for one row.
 *
 * @param probabilities one entry per label, in the manifest's label order; empty when the model does
 *        not produce probabilities
 */
public record Prediction(String label, Map<String, Double> probabilities) {
}
