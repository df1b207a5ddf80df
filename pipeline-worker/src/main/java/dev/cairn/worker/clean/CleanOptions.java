package dev.cairn.worker.clean;

import dev.cairn.contracts.PipelineSpec;
import dev.cairn.worker.task.StepFailure;
import java.util.Arrays;

/** The clean step's spec, checked; null fields take the platform's defaults. */
record CleanOptions(MissingPolicy missing, boolean dropDuplicates, boolean clipOutliers) {

    static final CleanOptions DEFAULTS = new CleanOptions(MissingPolicy.IMPUTE_MEDIAN, true, false);

    static CleanOptions of(PipelineSpec.CleanStep step) {
        if (step == null) {
            return DEFAULTS;
        }
        return new CleanOptions(missing(step.missing()), duplicates(step.duplicates()), outliers(step.outliers()));
    }

    private static MissingPolicy missing(String value) {
        if (value == null) {
            return DEFAULTS.missing();
        }
        return Arrays.stream(MissingPolicy.values())
                .filter(p -> p.specName.equals(value))
                .findFirst()
                .orElseThrow(() -> unknown("clean.missing", value, MissingPolicy.known()));
    }

    private static boolean duplicates(String value) {
        if (value == null || value.equals("drop")) {
            return true;
        }
        if (value.equals("keep")) {
            return false;
        }
        throw unknown("clean.duplicates", value, "drop, keep");
    }

    private static boolean outliers(String value) {
        if (value == null || value.equals("none")) {
            return false;
        }
        if (value.equals("clip-iqr")) {
            return true;
        }
        throw unknown("clean.outliers", value, "none, clip-iqr");
    }

    private static StepFailure unknown(String field, String value, String known) {
        return new StepFailure("unknown " + field + " '" + value + "'; known: " + known);
    }
}
