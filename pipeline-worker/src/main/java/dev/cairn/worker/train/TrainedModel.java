package dev.cairn.worker.train;

import dev.cairn.contracts.Algorithm.Task;
import dev.cairn.store.model.Featurizer;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.text.TextVocabulary;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * A model fresh from training, with the task it solves, the raw columns it reads (categories as seen in
 * the training rows), the featurizer that fed it and the parameters it was trained with, defaults
 * included; for a network, the figures it measured after each epoch (empty otherwise); and the
 * vocabularies fitted on its text columns (none without text).
 */
record TrainedModel(Task task, Model<?> model, List<InputFeature> inputSignature, Featurizer featurizer,
        Map<String, Object> params, double seconds, Map<String, List<Double>> curves,
        List<TextVocabulary> textVocabularies) {

    TrainedModel(Task task, Model<?> model, List<InputFeature> inputSignature, Featurizer featurizer,
            Map<String, Object> params, double seconds) {
        this(task, model, inputSignature, featurizer, params, seconds, Map.of(), List.of());
    }

    /** The model as a classifier; only for the classification task. */
    Model<Label> classifier() {
        return model.castModel(Label.class);
    }

    /** The model as a regressor; only for the regression task. */
    Model<Regressor> regressor() {
        return model.castModel(Regressor.class);
    }
}
