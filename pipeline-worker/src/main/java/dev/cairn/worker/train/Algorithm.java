package dev.cairn.worker.train;

import dev.cairn.worker.task.StepFailure;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The algorithms this worker trains, with the hyperparameters each accepts (spec names, checked by
 * name and type before anything is trained) and their defaults.
 */
enum Algorithm {
    /** Tribuo's defaults (AdaGrad at rate 1.0, 5 epochs, one row per step), on standardised numbers. */
    LOGISTIC_REGRESSION("logistic-regression", List.of(ParamSpec.whole("epochs", 1, 5),
            ParamSpec.positive("learning_rate", 1.0), ParamSpec.whole("minibatch_size", 1, 1))),
    /**
     * Depth 6 rather than Tribuo's unlimited depth: an unlimited tree learns the training rows by heart,
     * and a user who wants that can ask for it.
     */
    CART("cart", List.of(ParamSpec.whole("max_depth", 1, 6), ParamSpec.positive("min_child_weight", 5.0)));

    final String specName;
    final List<ParamSpec> params;

    Algorithm(String specName, List<ParamSpec> params) {
        this.specName = specName;
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
