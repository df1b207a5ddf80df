package dev.cairn.worker.train;

import dev.cairn.worker.task.StepFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code layers} parameter of the MLP: the widths of its hidden layers, e.g. {@code [64, 32]}. The one
 * hyperparameter that is a list, so it is checked here rather than by {@link ParamSpec}. An empty list is allowed: the
 * network is then a softmax regression on the standardised inputs.
 */
final class HiddenLayers {

    static final List<Integer> DEFAULT = List.of(64, 32);
    static final int MAX_LAYERS = 8;
    static final int MAX_WIDTH = 4096;

    private HiddenLayers() {
    }

    static List<Integer> accept(Object given) {
        if (given == null) {
            return DEFAULT;
        }
        if (!(given instanceof List<?> list)) {
            throw invalid(given, "must be a list of layer widths, e.g. [64, 32]");
        }
        if (list.size() > MAX_LAYERS) {
            throw invalid(given, "may name at most " + MAX_LAYERS + " hidden layers");
        }
        var widths = new ArrayList<Integer>();
        for (Object width : list) {
            if (!(width instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                    || n.doubleValue() < 1 || n.doubleValue() > MAX_WIDTH) {
                throw invalid(given, "must hold whole numbers from 1 to " + MAX_WIDTH);
            }
            widths.add(n.intValue());
        }
        return List.copyOf(widths);
    }

    private static StepFailure invalid(Object given, String rule) {
        String shown = given instanceof String ? "'" + given + "'" : String.valueOf(given);
        return new StepFailure("parameter 'layers' for mlp " + rule + ", got " + shown);
    }
}
