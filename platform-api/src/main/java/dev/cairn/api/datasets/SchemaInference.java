package dev.cairn.api.datasets;

import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetSchema;
import dev.cairn.store.csv.NumericCells;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Suggests a type per column from one streaming pass; the pipeline spec can override it per column.
 * Memory is bounded: distinct values are counted exactly up to {@link #DISTINCT_CAP}, then reported as capped.
 */
final class SchemaInference {
    static final int DISTINCT_CAP = 10_000;

    private final List<Column> columns = new ArrayList<>();
    private final Predicate<String> isMissing;
    private long rows;

    SchemaInference(List<String> header, Predicate<String> isMissing) {
        header.forEach(name -> columns.add(new Column(name)));
        this.isMissing = isMissing;
    }

    void accept(String[] row) {
        rows++;
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).accept(row[i], isMissing);
        }
    }

    DatasetSchema result(List<String> missingTokens) {
        return new DatasetSchema(columns.stream().map(c -> c.schema(rows)).toList(), missingTokens, rows);
    }

    private static final class Column {
        private final String name;
        private final Set<String> distinct = new HashSet<>();
        private boolean capped;
        private boolean allNumbers = true;
        private long missing;
        private long words;
        private long present;

        Column(String name) {
            this.name = name;
        }

        void accept(String raw, Predicate<String> isMissing) {
            if (isMissing.test(raw)) {
                missing++;
                return;
            }
            var value = raw.strip();
            present++;
            allNumbers &= NumericCells.parse(value).isPresent();
            words += value.split("\\s+").length;
            if (!capped && distinct.add(value) && distinct.size() > DISTINCT_CAP) {
                capped = true;
                distinct.clear();
            }
        }

        ColumnSchema schema(long rows) {
            long distinctCount = capped ? DISTINCT_CAP : distinct.size();
            return new ColumnSchema(name, type(rows, distinctCount), missing, distinctCount, capped);
        }

        /** Free text is wordy, or nearly every row holds a value of its own; the rest are labels. */
        private ColumnType type(long rows, long distinctCount) {
            if (present > 0 && allNumbers) {
                return ColumnType.NUMERIC;
            }
            boolean wordy = present > 0 && (double) words / present >= 4.0;
            boolean mostlyUnique = distinctCount > 100 && distinctCount > rows / 2;
            return wordy || mostlyUnique ? ColumnType.TEXT : ColumnType.CATEGORICAL;
        }
    }
}
