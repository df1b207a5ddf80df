package dev.cairn.api.pipelines;

import dev.cairn.api.problem.Problem.FieldError;
import java.util.List;

/** A spec that cannot run, with one error per offending field (dotted paths like {@code steps.split.test}). */
class InvalidSpecException extends RuntimeException {
    private final List<FieldError> errors;

    InvalidSpecException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " problems in the pipeline spec");
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
