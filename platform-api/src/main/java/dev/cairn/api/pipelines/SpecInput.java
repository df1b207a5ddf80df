package dev.cairn.api.pipelines;

import dev.cairn.contracts.ColumnType;
import java.util.List;
import java.util.Map;

/**
 * A spec as the user wrote it: every field may be absent, so defaults and precise complaints can be
 * told apart from zeros. {@link SpecValidator} turns it into a resolved {@code PipelineSpec}.
 */
record SpecInput(String name, String dataset, String target, Map<String, ColumnType> columns, Steps steps) {

    record Steps(Clean clean, Split split, Train train, Evaluate evaluate, Register register) {
    }

    record Clean(String missing, String duplicates, String outliers) {
    }

    record Split(Double test, Double validation, Boolean stratify, Long seed) {
    }

    record Train(String algorithm, Map<String, Object> params) {
    }

    record Evaluate(List<String> metrics, String positive) {
    }

    record Register(String model) {
    }
}
