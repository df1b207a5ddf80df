package dev.cairn.api.tracking;

/** Where a run is in its life. Only RUNNING accepts new params, metrics and artifacts. */
public enum RunStatus {
    RUNNING, FINISHED, FAILED, KILLED;

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
