package dev.cairn.worker.split;

import dev.cairn.contracts.PipelineSpec;
import dev.cairn.worker.task.StepFailure;

/** The split step's spec, checked: fractions of the rows for test and validation, the rest trains. */
record SplitOptions(double test, double validation, boolean stratify, long seed) {

    SplitOptions {
        if (!(test > 0 && test < 1)) {
            throw new StepFailure("split.test must be a fraction between 0 and 1 (exclusive), got " + test);
        }
        if (!(validation >= 0 && validation < 1)) {
            throw new StepFailure("split.validation must be a fraction from 0 up to 1 (exclusive), got " + validation);
        }
        if (test + validation >= 1) {
            throw new StepFailure("split.test + split.validation must leave rows to train on, got "
                    + test + " + " + validation);
        }
    }

    /** The same fractions and seed, over all rows rather than per class. */
    SplitOptions unstratified() {
        return new SplitOptions(test, validation, false, seed);
    }

    static SplitOptions of(PipelineSpec.SplitStep step) {
        if (step == null) {
            throw new StepFailure("the spec has no split step");
        }
        return new SplitOptions(step.test(), step.validation(), step.stratify(), step.seed());
    }
}
