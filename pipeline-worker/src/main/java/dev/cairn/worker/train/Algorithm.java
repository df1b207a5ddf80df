package dev.cairn.worker.train;

import dev.cairn.contracts.Algorithm.Task;
import dev.cairn.worker.task.StepFailure;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The algorithms this worker trains, with the task each solves and the hyperparameters each accepts
 * (spec names, checked by name, type and bounds before anything is trained) and their defaults.
 */
enum Algorithm {
    /** Tribuo's defaults (AdaGrad at rate 1.0, 5 epochs, one row per step), on standardised numbers. */
    LOGISTIC_REGRESSION("logistic-regression", List.of(ParamSpec.whole("epochs", 1, 5),
            ParamSpec.positive("learning_rate", 1.0), ParamSpec.whole("minibatch_size", 1, 1))),
    /**
     * Depth 6 rather than Tribuo's unlimited depth: an unlimited tree learns the training rows by heart,
     * and a user who wants that can ask for it.
     */
    CART("cart", List.of(ParamSpec.whole("max_depth", 1, 6), ParamSpec.positive("min_child_weight", 5.0))),
    /**
     * LibLinear's L2-regularised L2-loss support vector classifier (dual coordinate descent, one class
     * against the rest), on standardised numbers. {@code c} is LibLinear's default cost; an iteration is
     * one pass over the rows.
     */
    LINEAR_SVM("linear-svm", List.of(ParamSpec.positive("c", 1.0), ParamSpec.whole("max_iterations", 1, 1000))),
    /**
     * Bagged CART trees, each split choosing among a random {@code fraction_features} of the features,
     * combined by majority vote. Defaults measured on letter and churn (bench/algorithms.md): a forest
     * earns its accuracy from deep, decorrelated trees (letter: 0.935 accuracy at depth 16, 0.80 at 10),
     * so depth 16; 50 trees rather than the usual 100 because 20 trees already reached 0.927 and time
     * grows with every tree; half the features per split rather than the square-root rule, which after
     * one-hot encoding leaves a split a handful of near-empty indicator columns. On small noisy data
     * (churn) a shallower forest does a little better (macro F1 0.719 at depth 10, 0.700 at 16): a
     * search over {@code max_depth} finds that.
     */
    RANDOM_FOREST("random-forest", List.of(ParamSpec.whole("trees", 1, 50), ParamSpec.whole("max_depth", 1, 16),
            ParamSpec.fraction("fraction_features", 0.5))),
    /**
     * Gradient-boosted trees (XGBoost, histogram method) with XGBoost's own defaults for depth, eta and
     * subsample. One thread: two threads on two busy cores were 5 to 25 times slower, and a worker is
     * scaled by running more of them.
     */
    XGBOOST("xgboost", List.of(ParamSpec.whole("rounds", 1, 100), ParamSpec.whole("max_depth", 1, 6),
            ParamSpec.fraction("eta", 0.3), ParamSpec.fraction("subsample", 1.0), ParamSpec.whole("threads", 1, 1))),
    /** k nearest neighbours by Euclidean distance on standardised numbers, majority vote. */
    KNN("knn", List.of(ParamSpec.whole("k", 1, 5))),
    /**
     * Multinomial naive Bayes with additive (Laplace) smoothing {@code alpha}. It reads feature values as
     * counts, which must not be negative: numeric columns are scaled to [0, 1] by the training rows'
     * minimum and maximum (and clamped there when serving).
     */
    NAIVE_BAYES("naive-bayes", List.of(ParamSpec.positive("alpha", 1.0))),
    /**
     * A multilayer perceptron (DJL, PyTorch engine, CPU): standardised inputs, the hidden widths of {@code layers}
     * (a list, checked by {@link HiddenLayers}, default [64, 32]) with ReLU, softmax cross-entropy, Adam at
     * {@code learning_rate} (Adam's usual 0.001) over shuffled mini-batches of {@code batch_size}. 20 epochs: on letter
     * the validation accuracy still climbs there, and a run stays in seconds.
     */
    MLP("mlp", List.of(ParamSpec.whole("epochs", 1, 10_000, 20), ParamSpec.whole("batch_size", 1, 32),
            ParamSpec.positive("learning_rate", 0.001))),
    /**
     * Least squares by stochastic gradient descent (AdaGrad at rate 1.0), on standardised numbers. 50
     * epochs rather than 5: the target is not centred, and the intercept has to travel to its mean
     * (diabetes: R² -0.81 after 5 epochs, 0.51 after 50). A target in the thousands needs a larger
     * {@code learning_rate}.
     */
    LINEAR_REGRESSION("linear-regression", Task.REGRESSION, List.of(ParamSpec.whole("epochs", 1, 50),
            ParamSpec.positive("learning_rate", 1.0), ParamSpec.whole("minibatch_size", 1, 1))),
    /** A regression tree (variance reduction), with the classification tree's defaults. */
    CART_REGRESSOR("cart-regressor", Task.REGRESSION, List.of(ParamSpec.whole("max_depth", 1, 6),
            ParamSpec.positive("min_child_weight", 5.0))),
    /** XGBoost on squared error, with the classifier's defaults and its single thread. */
    XGBOOST_REGRESSOR("xgboost-regressor", Task.REGRESSION, List.of(ParamSpec.whole("rounds", 1, 100),
            ParamSpec.whole("max_depth", 1, 6), ParamSpec.fraction("eta", 0.3), ParamSpec.fraction("subsample", 1.0),
            ParamSpec.whole("threads", 1, 1)));

    final String specName;
    final Task task;
    final List<ParamSpec> params;

    Algorithm(String specName, List<ParamSpec> params) {
        this(specName, Task.CLASSIFICATION, params);
    }

    Algorithm(String specName, Task task, List<ParamSpec> params) {
        this.specName = specName;
        this.task = task;
        this.params = params;
    }

    static Algorithm named(String name) {
        return Arrays.stream(values())
                .filter(a -> a.specName.equals(name))
                .findFirst()
                .orElseThrow(() -> new StepFailure(name == null ? "the spec names no training algorithm; known: " + known()
                        : "unknown algorithm '" + name + "'; known: " + known()));
    }

    private static String known() {
        return Arrays.stream(values()).map(a -> a.specName).collect(Collectors.joining(", "));
    }

    /** Every parameter, in declaration order: the given value checked, or the default. */
    Map<String, Number> resolve(Map<String, Object> given) {
        Map<String, Object> supplied = given == null ? Map.of() : given;
        for (String name : supplied.keySet()) {
            if (params.stream().noneMatch(p -> p.name().equals(name))) {
                throw new StepFailure("unknown parameter '" + name + "' for " + specName + "; known: "
                        + params.stream().map(ParamSpec::name).collect(Collectors.joining(", ")));
            }
        }
        var resolved = new LinkedHashMap<String, Number>();
        for (ParamSpec param : params) {
            Object value = supplied.get(param.name());
            resolved.put(param.name(), value == null ? param.defaultValue() : param.accept(specName, value));
        }
        return resolved;
    }
}
