package dev.cairn.worker.task;

import java.util.Map;

/**
 * What a step that succeeded hands back to the control plane.
 *
 * @param outputs artifact digests by role ({@code cleaned}, {@code train}, {@code model}, ...)
 * @param metrics figures worth plotting or comparing, by name
 * @param report what the step did, as JSON-friendly values
 */
public record StepResult(Map<String, String> outputs, Map<String, Double> metrics, Map<String, Object> report) {

    public StepResult {
        outputs = Map.copyOf(outputs);
        metrics = Map.copyOf(metrics);
        report = Map.copyOf(report);
    }
}
