package dev.cairn.contracts;

import java.util.List;
import java.util.Map;

/**
 * The user's contract: what to train, on which data, and how. The control plane parses YAML or
 * JSON into this record, fills defaults and validates it before any task is sent.
 *
 * @param dataset a registered dataset, {@code name} or {@code name@version}
 * @param columns per-column type overrides of the inferred schema
 */
public record PipelineSpec(String name, String dataset, String target, Map<String, ColumnType> columns,
        Steps steps) {

    /** The steps in the order they run; register is done by the control plane itself. */
    public record Steps(CleanStep clean, SplitStep split, TrainStep train, EvaluateStep evaluate,
            RegisterStep register) {
    }

    /**
     * @param missing drop | impute-mean | impute-median | impute-mode (numeric columns; categorical ones take the mode)
     * @param duplicates drop | keep
     * @param outliers none | clip-iqr
     */
    public record CleanStep(String missing, String duplicates, String outliers) {
    }

    /** Fractions of the rows; stratified splits keep every class in every part when it has rows enough. */
    public record SplitStep(double test, double validation, boolean stratify, long seed) {
    }

    /** @param params the algorithm's hyperparameters, validated against its known names */
    public record TrainStep(String algorithm, Map<String, Object> params) {
    }

    /** @param positive the positive class for binary metrics such as ROC AUC; null means the rarer class */
    public record EvaluateStep(List<String> metrics, String positive) {
    }

    public record RegisterStep(String model) {
    }
}
