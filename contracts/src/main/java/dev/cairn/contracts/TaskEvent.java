package dev.cairn.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * A fact on {@code cairn.task-events}: a worker started, finished or failed a task.
 *
 * @param reason for a failure, a sentence a user can act on; never a stack trace
 * @param outputs artifact digests by role, e.g. {@code cleaned}, {@code train}, {@code model}
 * @param metrics numbers worth plotting or comparing, by name
 * @param report what the step did, as JSON-friendly values (cleaning report, confusion matrix, ...)
 */
public record TaskEvent(int version, String taskId, int attempt, String runId, StepName step, Status status,
        String reason, Map<String, String> outputs, Map<String, Double> metrics, Map<String, Object> report,
        String worker, Instant at) {

    public enum Status {
        STARTED, SUCCEEDED, FAILED
    }
}
