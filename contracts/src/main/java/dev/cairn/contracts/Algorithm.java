package dev.cairn.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The training algorithms a spec may name, with the hyperparameter names each accepts and the task it
 * solves. The control plane rejects anything else before a run starts; the worker checks values and
 * ranges. The algorithm names the task (a regressor has its own name), so a spec cannot ask a
 * classifier for a number.
 */
public enum Algorithm {
    LOGISTIC_REGRESSION("logistic-regression", Task.CLASSIFICATION, List.of("epochs", "learning_rate", "minibatch_size")),
    CART("cart", Task.CLASSIFICATION, List.of("max_depth", "min_child_weight")),
    LINEAR_SVM("linear-svm", Task.CLASSIFICATION, List.of("c", "max_iterations")),
    RANDOM_FOREST("random-forest", Task.CLASSIFICATION, List.of("trees", "max_depth", "fraction_features")),
    XGBOOST("xgboost", Task.CLASSIFICATION, List.of("rounds", "max_depth", "eta", "subsample", "threads")),
    KNN("knn", Task.CLASSIFICATION, List.of("k")),
    NAIVE_BAYES("naive-bayes", Task.CLASSIFICATION, List.of("alpha")),
    /** A multilayer perceptron trained with DJL (PyTorch); {@code layers} is a list of hidden layer widths. */
    MLP("mlp", Task.CLASSIFICATION, List.of("layers", "epochs", "batch_size", "learning_rate")),
    LINEAR_REGRESSION("linear-regression", Task.REGRESSION, List.of("epochs", "learning_rate", "minibatch_size")),
    CART_REGRESSOR("cart-regressor", Task.REGRESSION, List.of("max_depth", "min_child_weight")),
    XGBOOST_REGRESSOR("xgboost-regressor", Task.REGRESSION, List.of("rounds", "max_depth", "eta", "subsample", "threads"));

    /** What a model answers: one of the target's classes, or a number. */
    public enum Task {
        CLASSIFICATION, REGRESSION;

        /** As the model manifest and the docs write it: {@code classification}, {@code regression}. */
        public String specName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String specName;
    private final Task task;
    private final List<String> params;

    Algorithm(String specName, Task task, List<String> params) {
        this.specName = specName;
        this.task = task;
        this.params = params;
    }

    public Task task() {
        return task;
    }

    /** The name used in specs, e.g. {@code logistic-regression}. */
    public String specName() {
        return specName;
    }

    public List<String> params() {
        return params;
    }

    public static Optional<Algorithm> bySpecName(String name) {
        return Arrays.stream(values()).filter(a -> a.specName.equals(name)).findFirst();
    }
}
