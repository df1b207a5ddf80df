package dev.cairn.worker.train;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.Transformation;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/** The one place that knows Tribuo's trainers: builds one for an algorithm, its checked parameters and a seed. */
final class TribuoTrainer {

    /** Tribuo's own default for AdaGrad's initial accumulator (epsilon). */
    private static final double ADAGRAD_EPSILON = 0.1;

    private TribuoTrainer() {
    }

    /**
     * @param params as {@link Algorithm#resolve} returns them
     * @param numericFeatures the features to standardise for linear models (one-hot features stay 0/1)
     */
    static Trainer<Label> of(Algorithm algorithm, Map<String, Number> params, long seed, List<String> numericFeatures) {
        return switch (algorithm) {
            case LOGISTIC_REGRESSION -> standardised(logisticRegression(params, seed), numericFeatures);
            case CART -> new CARTClassificationTrainer(params.get("max_depth").intValue(),
                    params.get("min_child_weight").floatValue(), 0.0f, 1.0f, false, new GiniIndex(), seed);
        };
    }

    private static LinearSGDTrainer logisticRegression(Map<String, Number> params, long seed) {
        var optimiser = new AdaGrad(params.get("learning_rate").doubleValue(), ADAGRAD_EPSILON);
        return new LinearSGDTrainer(new LogMulticlass(), optimiser, params.get("epochs").intValue(), Integer.MAX_VALUE,
                params.get("minibatch_size").intValue(), seed);
    }

    /**
     * Gradient steps on raw features favour the large ones (total charges in thousands next to 0/1
     * flags), so numeric features are scaled to mean 0 and standard deviation 1 first. The statistics
     * are learnt on the training rows and saved inside the model (Tribuo's TransformedModel, which
     * serialises to protobuf), so serving scales the same way without anyone repeating it.
     */
    private static Trainer<Label> standardised(Trainer<Label> inner, List<String> numericFeatures) {
        Map<String, List<Transformation>> perFeature = numericFeatures.stream()
                .collect(Collectors.toMap(Function.identity(), f -> List.of(new MeanStdDevTransformation())));
        return new TransformTrainer<>(inner, new TransformationMap(List.of(), perFeature));
    }
}
