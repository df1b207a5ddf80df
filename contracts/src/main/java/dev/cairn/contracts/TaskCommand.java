package dev.cairn.contracts;

import java.util.Map;

/**
 * A command on {@code cairn.tasks}: run one step of a pipeline run. Add fields, never change them;
 * workers ignore fields they do not know.
 *
 * @param taskId unique per step execution; results are applied once per task id and attempt
 * @param spec the resolved spec: defaults filled, {@code dataset} pinned to {@code name@version}
 * @param dataset the pinned dataset version, its schema with the spec's column overrides applied
 * @param inputs artifact digests by role: {@code cleaned}, {@code train}, {@code validation},
 *        {@code test}, {@code model}, {@code preprocessing}
 */
public record TaskCommand(int version, String taskId, int attempt, String runId, StepName step,
        PipelineSpec spec, DatasetRef dataset, Map<String, String> inputs) {

    public static final int CURRENT_VERSION = 1;
}
