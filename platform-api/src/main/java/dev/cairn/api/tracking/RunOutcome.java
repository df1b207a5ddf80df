package dev.cairn.api.tracking;

import jakarta.validation.constraints.NotNull;

/** @param status FINISHED, FAILED or KILLED */
record RunOutcome(@NotNull RunStatus status) {
}
