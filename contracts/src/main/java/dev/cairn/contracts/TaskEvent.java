package dev.cairn.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A fact on {@code cairn.task-events}: a worker started, finished or failed a task.
 *
 * @param reason for a failure, a sentence a user can act on; never a stack trace
 * @param outputs artifact digests by role, e.g. {@code cleaned}, {@code train}, {@code model}
 * @param metrics numbers worth plotting or comparing, by name
 * @param report what the step did, as JSON-friendly values (cleaning report, confusion matrix, ...)
 * @param curves metrics measured once per epoch (or round) while training, by name: value {@code i} belongs to step
 *        {@code i + 1}; null or empty when the step has none. Added after version 1's first shape: a reader that does
 *        not know it ignores it, and an event without it reads as null.
 */
public record TaskEvent(int version, String taskId, int attempt, String runId, StepName step, Status status,
        String reason, Map<String, String> outputs, Map<String, Double> metrics, Map<String, Object> report,
        String worker, Instant at, Map<String, List<Double>> curves) {

    /** The shape before {@code curves}: no per-epoch figures. */
    public TaskEvent(int version, String taskId, int attempt, String runId, StepName step, Status status,
            String reason, Map<String, String> outputs, Map<String, Double> metrics, Map<String, Object> report,
            String worker, Instant at) {
        this(version, taskId, attempt, runId, step, status, reason, outputs, metrics, report, worker, at, null);
    }

    public enum Status {
        STARTED, SUCCEEDED, FAILED
    }
}
