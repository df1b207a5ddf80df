package dev.cairn.store.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A model package ready to answer: its manifest, the Tribuo model and the featurizer it was trained
 * with. Thread-safe as Tribuo models are for prediction.
 */
public record LoadedModel(ModelManifest manifest, Model<Label> model, Featurizer featurizer) {

    /**
     * @param row raw cells by column name, as a caller sends them; absent or null cells count as missing
     * @throws InvalidRowException when the row cannot be scored (unparseable number, missing value
     *         without imputation, nothing in it the model knows)
     */
    public Prediction predict(Map<String, String> row) {
        Example<Label> example = featurizer.example(row);
        if (!knowsAnyFeatureOf(example)) {
            // Tribuo would refuse it with an IllegalArgumentException; say why in the caller's terms.
            throw new InvalidRowException(null, "the model knows none of this row's values");
        }
        org.tribuo.Prediction<Label> prediction = model.predict(example);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        if (prediction.hasProbabilities()) {
            Map<String, Label> scores = prediction.getOutputScores();
            for (String label : manifest.labels()) {
                Label scored = scores.get(label);
                probabilities.put(label, scored == null ? 0.0 : scored.getScore());
            }
        }
        return new Prediction(prediction.getOutput().getLabel(), probabilities);
    }

    private boolean knowsAnyFeatureOf(Example<Label> example) {
        for (Feature feature : example) {
            if (model.getFeatureIDMap().get(feature.getName()) != null) {
                return true;
            }
        }
        return false;
    }
}
