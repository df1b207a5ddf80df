package dev.cairn.store.model;

import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A regression model package ready to answer: its manifest, the Tribuo model and the featurizer it was
 * trained with. One output dimension, named after the target. Thread-safe as Tribuo models are for
 * prediction.
 */
public record LoadedRegressionModel(ModelManifest manifest, Model<Regressor> model, Featurizer featurizer) {

    /**
     * @param row raw cells by column name, as a caller sends them; absent or null cells count as missing
     * @return the predicted value of the target
     * @throws InvalidRowException when the row cannot be scored
     */
    public double predict(Map<String, String> row) {
        Example<Regressor> example = featurizer.example(row, RegressionFactory.UNKNOWN_REGRESSOR);
        if (!knowsAnyFeatureOf(example)) {
            throw new InvalidRowException(null, "the model knows none of this row's values");
        }
        return model.predict(example).getOutput().getValues()[0];
    }

    private boolean knowsAnyFeatureOf(Example<Regressor> example) {
        for (Feature feature : example) {
            if (model.getFeatureIDMap().get(feature.getName()) != null) {
                return true;
            }
        }
        return false;
    }
}
