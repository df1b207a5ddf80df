package dev.cairn.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The training algorithms a spec may name, with the hyperparameter names each accepts. The control
 * plane rejects anything else before a run starts; the worker checks values and ranges.
 */
public enum Algorithm {
    LOGISTIC_REGRESSION("logistic-regression", List.of("epochs", "learning_rate", "minibatch_size")),
    CART("cart", List.of("max_depth", "min_child_weight")),
    LINEAR_SVM("linear-svm", List.of("c", "max_iterations")),
    RANDOM_FOREST("random-forest", List.of("trees", "max_depth", "fraction_features")),
    XGBOOST("xgboost", List.of("rounds", "max_depth", "eta", "subsample", "threads")),
    KNN("knn", List.of("k")),
    NAIVE_BAYES("naive-bayes", List.of("alpha"));

    private final String specName;
    private final List<String> params;

    Algorithm(String specName, List<String> params) {
        this.specName = specName;
        this.params = params;
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
