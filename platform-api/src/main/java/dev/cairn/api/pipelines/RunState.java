package dev.cairn.api.pipelines;

/** The life of a pipeline run and of each of its steps. */
public enum RunState {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
