package dev.cairn.worker.clean;

import dev.cairn.store.model.ColumnTransform;
import dev.cairn.worker.artifact.Table;
import java.util.List;

/**
 * The clean step's result: the rows to train and test on (kept columns only, target included, no
 * missing cells), what serving must repeat on a raw row, and the report.
 */
record CleanedData(Table table, List<ColumnTransform> preprocessing, CleanReport report) {
}
