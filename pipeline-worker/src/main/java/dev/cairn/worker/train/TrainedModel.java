package dev.cairn.worker.train;

import dev.cairn.store.model.Featurizer;
import dev.cairn.store.model.InputFeature;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A model fresh from training, with the raw columns it reads (categories as seen in the training
 * rows), the featurizer that fed it and the parameters it was trained with, defaults included.
 */
record TrainedModel(Model<Label> model, List<InputFeature> inputSignature, Featurizer featurizer, Map<String, Number> params, double seconds) {
}
