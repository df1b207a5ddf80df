package dev.cairn.api.ui;

import java.util.List;
import java.util.Map;

/**
 * A pipeline run as the live page draws it: each step's state, reason and metrics, and the tracking run's metric
 * curves ({@code key -> [[step, value], ...]}). Sent whole on every change: a few kilobytes, and a page that
 * (re)connects never has to merge partial updates.
 */
public record RunSnapshot(String id, String pipeline, String state, String reason, String dataset, String createdBy,
        String createdAt, String trackingRunId, ModelRef model, List<StepSnapshot> steps,
        Map<String, List<double[]>> curves, boolean finished) {

    public record StepSnapshot(String step, String state, String reason, Map<String, Double> metrics, String worker,
            String took) {
    }

    public record ModelRef(String name, int version) {
    }
}
