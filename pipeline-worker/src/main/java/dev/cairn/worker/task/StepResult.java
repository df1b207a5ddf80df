package dev.cairn.worker.task;

import java.util.List;
import java.util.Map;

/**
 * What a step that succeeded hands back to the control plane.
 *
 * @param outputs artifact digests by role ({@code cleaned}, {@code train}, {@code model}, ...)
 * @param metrics figures worth plotting or comparing, by name
 * @param report what the step did, as JSON-friendly values
 * @param curves figures measured once per epoch, by name (value {@code i} is epoch {@code i + 1})
 */
public record StepResult(Map<String, String> outputs, Map<String, Double> metrics, Map<String, Object> report,
        Map<String, List<Double>> curves) {

    public StepResult {
        outputs = Map.copyOf(outputs);
        metrics = Map.copyOf(metrics);
        report = Map.copyOf(report);
        curves = Map.copyOf(curves);
    }

    /** A step without per-epoch figures. */
    public StepResult(Map<String, String> outputs, Map<String, Double> metrics, Map<String, Object> report) {
        this(outputs, metrics, report, Map.of());
    }
}
