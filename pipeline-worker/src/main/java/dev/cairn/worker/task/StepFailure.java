package dev.cairn.worker.task;

/**
 * A step cannot go on because of its input or its spec, and the message says why in words a user can
 * act on ("target 'churn' has a single class 'No'"). It becomes a FAILED event with this reason;
 * anything else that escapes a step is a bug and gets a generic reason instead.
 */
public class StepFailure extends RuntimeException {

    public StepFailure(String reason) {
        // No stack trace: this is an expected outcome, reported as a sentence, never logged as a crash.
        super(reason, null, false, false);
    }
}
