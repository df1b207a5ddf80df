package dev.cairn.worker.clean;

import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetSchema;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.csv.NumericCells;
import dev.cairn.worker.artifact.Table;
import dev.cairn.worker.task.StepFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each column of the raw CSV is for: the label, a numeric, categorical or text feature, or
 * ignored (with the reason, for the report). Positions are indices into the CSV header. A text column
 * is a feature only when training reads it ({@code steps.train.text}); other text columns (ids, notes)
 * stay ignored, as they were before text features existed.
 */
record ColumnRoles(List<String> header, int target, List<Integer> numeric, List<Integer> categorical,
        List<Integer> text, Map<String, String> ignored) {

    static ColumnRoles resolve(List<String> header, DatasetSchema schema, String target) {
        return resolve(header, schema, target, Set.of());
    }

    /** @param textColumns the text columns training reads */
    static ColumnRoles resolve(List<String> header, DatasetSchema schema, String target, Set<String> textColumns) {
        int targetIndex = header.indexOf(target);
        if (targetIndex < 0) {
            throw new StepFailure("target column '" + target + "' is not in the dataset; columns: "
                    + String.join(", ", header));
        }
        Map<String, ColumnType> types = schema.columns().stream()
                .collect(Collectors.toMap(ColumnSchema::name, ColumnSchema::type, (a, b) -> a));
        for (String column : textColumns) {
            if (!header.contains(column)) {
                throw new StepFailure("text column '" + column + "' is not in the dataset; columns: "
                        + String.join(", ", header));
            }
        }
        var roles = new ColumnRoles(header, targetIndex, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new LinkedHashMap<>());
        for (int i = 0; i < header.size(); i++) {
            if (i != targetIndex) {
                roles.assign(i, textColumns.contains(header.get(i)) ? ColumnType.TEXT : types.get(header.get(i)),
                        textColumns.contains(header.get(i)));
            }
        }
        return roles;
    }

    private void assign(int column, ColumnType type, boolean readAsText) {
        if (readAsText) {
            text.add(column);
        } else if (type == null) {
            ignored.put(header.get(column), "not in the dataset schema");
        } else if (type == ColumnType.NUMERIC) {
            numeric.add(column);
        } else if (type == ColumnType.CATEGORICAL) {
            categorical.add(column);
        } else {
            ignored.put(header.get(column), "text column not read by training (name it in steps.train.text)");
        }
    }

    /** Moves feature columns without a single usable value to {@code ignored}: there is nothing to learn or impute from. */
    ColumnRoles withoutEmptyColumns(Table table, MissingTokens tokens) {
        var keptNumeric = new ArrayList<Integer>();
        var keptCategorical = new ArrayList<Integer>();
        var keptText = new ArrayList<Integer>();
        var nowIgnored = new LinkedHashMap<>(ignored);
        for (int column : numeric) {
            keep(column, hasValue(table, column, tokens, cell -> !tokens.isMissing(cell) && NumericCells.parse(cell).isPresent()),
                    keptNumeric, nowIgnored);
        }
        for (int column : categorical) {
            keep(column, hasValue(table, column, tokens, cell -> !tokens.isMissing(cell)), keptCategorical, nowIgnored);
        }
        for (int column : text) {
            keep(column, hasValue(table, column, tokens, cell -> !tokens.isMissing(cell)), keptText, nowIgnored);
        }
        return new ColumnRoles(header, target, keptNumeric, keptCategorical, keptText, nowIgnored);
    }

    private void keep(int column, boolean hasValue, List<Integer> kept, Map<String, String> nowIgnored) {
        if (hasValue) {
            kept.add(column);
        } else {
            nowIgnored.put(header.get(column), "every value is missing");
        }
    }

    /** Only rows with a label count: the others are dropped before anything is learnt. */
    private boolean hasValue(Table table, int column, MissingTokens tokens, Predicate<String> usable) {
        return table.rows().stream().anyMatch(row -> !tokens.isMissing(row[target]) && usable.test(row[column]));
    }

    String targetName() {
        return header.get(target);
    }

    List<String> numericNames() {
        return numeric.stream().map(header::get).toList();
    }

    List<String> categoricalNames() {
        return categorical.stream().map(header::get).toList();
    }

    List<String> textNames() {
        return text.stream().map(header::get).toList();
    }

    /** Feature and target columns in the CSV's own order: the header of the cleaned file. */
    List<Integer> kept() {
        return Stream.of(numeric, categorical, text, List.of(target)).flatMap(List::stream).sorted().toList();
    }

    boolean hasFeatures() {
        return !numeric.isEmpty() || !categorical.isEmpty() || !text.isEmpty();
    }
}
