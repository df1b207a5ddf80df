package dev.cairn.api.ui;

import java.util.List;
import java.util.Map;

/**
 * A pipeline run as the live page draws it: each step's state, reason and metrics, and the tracking run's metric
 * curves ({@code key -> [[step, value], ...]}), and its search's trials when it has one ({@code search}, else null). Sent whole on every change: a few kilobytes, and a page that
 * (re)connects never has to merge partial updates.
 */
public record RunSnapshot(String id, String pipeline, String state, String reason, String dataset, String createdBy,
        String createdAt, String trackingRunId, ModelRef model, List<StepSnapshot> steps,
        Map<String, List<double[]>> curves, SearchSnapshot search, boolean finished) {

    /** @param log the last lines the worker logged running the step (its report's {@code log}), oldest first */
    public record StepSnapshot(String step, String state, String reason, Map<String, Double> metrics, String worker,
            String took, List<String> log) {
    }

    public record ModelRef(String name, int version) {
    }

    /**
     * The run's hyperparameter search, for the search view: every trial in dispatch order.
     *
     * @param objective the validation metric searched on, e.g. {@code validation_accuracy}
     * @param params    the searched hyperparameters (and the halving budget), one chart each
     */
    public record SearchSnapshot(String objective, List<String> params,
            List<TrialPoint> trials) {
    }

    /**
     * One trial: its rung (successive halving), params, state and objective (null until it succeeded).
     *
     * @param score the objective made higher-is-better (errors negated), so "best so far" needs no direction
     */
    public record TrialPoint(int number, int config, int rung, Map<String, Object> params, String state,
            Double objective, Double score, String worker, String took) {
    }
}
