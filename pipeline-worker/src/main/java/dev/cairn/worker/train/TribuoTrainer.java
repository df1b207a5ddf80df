package dev.cairn.worker.train;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.Transformation;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.LinearScalingTransformation;
import org.tribuo.transform.transformations.MeanStdDevTransformation;
import org.tribuo.transform.transformations.SimpleTransform;

/** The one place that knows Tribuo's trainers: builds one for an algorithm, its checked parameters and a seed. */
final class TribuoTrainer {

    /** Tribuo's own default for AdaGrad's initial accumulator (epsilon). */
    private static final double ADAGRAD_EPSILON = 0.1;
    /** LibLinear's default stopping tolerance for the dual solvers. */
    private static final double LIBLINEAR_TOLERANCE = 0.01;
    /** Tribuo's default smallest leaf for CART; a forest's trees are otherwise left to grow. */
    private static final float FOREST_MIN_CHILD_WEIGHT = 5.0f;
    /** XGBoost's defaults for what the spec does not set. */
    private static final double XGB_MIN_CHILD_WEIGHT = 1.0;
    private static final double XGB_LAMBDA = 1.0;

    private TribuoTrainer() {
    }

    /**
     * @param params as {@link Algorithm#resolve} returns them
     * @param numericFeatures the features to rescale for the algorithms that need it (one-hot features stay 0/1)
     */
    static Trainer<Label> classifier(Algorithm algorithm, Map<String, Number> params, long seed,
            List<String> numericFeatures) {
        return switch (algorithm) {
            case LOGISTIC_REGRESSION -> transformed(logisticRegression(params, seed), numericFeatures, TribuoTrainer::standardise);
            case CART -> new CARTClassificationTrainer(params.get("max_depth").intValue(),
                    params.get("min_child_weight").floatValue(), 0.0f, 1.0f, false, new GiniIndex(), seed);
            case LINEAR_SVM -> transformed(linearSvm(params, seed), numericFeatures, TribuoTrainer::standardise);
            case RANDOM_FOREST -> randomForest(params, seed);
            case XGBOOST -> xgboost(params, seed);
            case KNN -> transformed(knn(params), numericFeatures, TribuoTrainer::standardise);
            case NAIVE_BAYES -> transformed(new MultinomialNaiveBayesTrainer(params.get("alpha").doubleValue()),
                    numericFeatures, TribuoTrainer::unitInterval);
            default -> throw new IllegalArgumentException(algorithm.specName + " is not a classifier");
        };
    }

    /** As {@link #classifier}, for the algorithms whose task is regression. */
    static Trainer<Regressor> regressor(Algorithm algorithm, Map<String, Number> params, long seed,
            List<String> numericFeatures) {
        return switch (algorithm) {
            case LINEAR_REGRESSION -> transformed(new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(),
                    new AdaGrad(params.get("learning_rate").doubleValue(), ADAGRAD_EPSILON), params.get("epochs").intValue(),
                    Integer.MAX_VALUE, params.get("minibatch_size").intValue(), seed), numericFeatures,
                    TribuoTrainer::standardise);
            case CART_REGRESSOR -> new CARTRegressionTrainer(params.get("max_depth").intValue(),
                    params.get("min_child_weight").floatValue(), 0.0f, 1.0f, false, new MeanSquaredError(), seed);
            case XGBOOST_REGRESSOR -> new XGBoostRegressionTrainer(BoosterType.GBTREE, TreeMethod.HIST,
                    RegressionType.LINEAR, params.get("rounds").intValue(), params.get("eta").doubleValue(), 0.0,
                    params.get("max_depth").intValue(), XGB_MIN_CHILD_WEIGHT, params.get("subsample").doubleValue(), 1.0,
                    XGB_LAMBDA, 0.0, params.get("threads").intValue(), LoggingVerbosity.SILENT, seed);
            default -> throw new IllegalArgumentException(algorithm.specName + " is not a regressor");
        };
    }

    private static LinearSGDTrainer logisticRegression(Map<String, Number> params, long seed) {
        var optimiser = new AdaGrad(params.get("learning_rate").doubleValue(), ADAGRAD_EPSILON);
        return new LinearSGDTrainer(new LogMulticlass(), optimiser, params.get("epochs").intValue(), Integer.MAX_VALUE,
                params.get("minibatch_size").intValue(), seed);
    }

    private static LibLinearClassificationTrainer linearSvm(Map<String, Number> params, long seed) {
        return new LibLinearClassificationTrainer(new LinearClassificationType(LinearType.L2R_L2LOSS_SVC),
                params.get("c").doubleValue(), params.get("max_iterations").intValue(), LIBLINEAR_TOLERANCE, seed);
    }

    /** The trees draw their feature subsets from the same seed as the bagging, through Tribuo's own splitting. */
    private static BaggingTrainer<Label> randomForest(Map<String, Number> params, long seed) {
        var tree = new CARTClassificationTrainer(params.get("max_depth").intValue(), FOREST_MIN_CHILD_WEIGHT, 0.0f,
                params.get("fraction_features").floatValue(), false, new GiniIndex(), seed);
        return new BaggingTrainer<>(tree, new VotingCombiner(), params.get("trees").intValue(), seed);
    }

    private static XGBoostClassificationTrainer xgboost(Map<String, Number> params, long seed) {
        return new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST, params.get("rounds").intValue(),
                params.get("eta").doubleValue(), 0.0, params.get("max_depth").intValue(), XGB_MIN_CHILD_WEIGHT,
                params.get("subsample").doubleValue(), 1.0, XGB_LAMBDA, 0.0, params.get("threads").intValue(),
                LoggingVerbosity.SILENT, seed);
    }

    /** Brute force on one thread: exact, and a prediction does not compete with other workers for cores. */
    private static KNNTrainer<Label> knn(Map<String, Number> params) {
        return new KNNTrainer<>(params.get("k").intValue(), new L2Distance(), 1, new VotingCombiner(),
                KNNModel.Backend.STREAMS, NeighboursQueryFactoryType.BRUTE_FORCE);
    }

    /**
     * Gradient steps and distances on raw features favour the large ones (total charges in thousands
     * next to 0/1 flags), so numeric features are scaled to mean 0 and standard deviation 1 first.
     */
    private static List<Transformation> standardise() {
        return List.of(new MeanStdDevTransformation());
    }

    /**
     * Multinomial naive Bayes refuses negative values: numbers go to [0, 1] by the training rows'
     * minimum and maximum, and a served value outside that range is clamped to it.
     */
    private static List<Transformation> unitInterval() {
        return List.of(new LinearScalingTransformation(0, 1), SimpleTransform.threshold(0, 1));
    }

    /**
     * The statistics are learnt on the training rows and saved inside the model (Tribuo's
     * TransformedModel, which serialises to protobuf), so serving rescales the same way without anyone
     * repeating it.
     */
    private static <T extends Output<T>> Trainer<T> transformed(Trainer<T> inner, List<String> numericFeatures,
            Supplier<List<Transformation>> perFeature) {
        Map<String, List<Transformation>> transformations = numericFeatures.stream()
                .collect(Collectors.toMap(Function.identity(), f -> perFeature.get()));
        return new TransformTrainer<>(inner, new TransformationMap(List.of(), transformations));
    }
}
