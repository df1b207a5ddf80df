package dev.cairn.worker.clean;

import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetSchema;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.worker.artifact.Table;
import dev.cairn.worker.task.StepFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The clean step's rules, in order: drop rows without a label, read numbers (coercing non-numbers to
 * missing), drop duplicates (compared on the kept columns), drop or impute missing values, clip
 * outliers. Imputation values and clipping fences are learnt here, before the split, from all kept
 * rows: they travel with the model as {@link ColumnTransform}s so that serving repeats them.
 */
final class Cleaner {

    private final DatasetSchema schema;
    private final String target;
    private final CleanOptions options;
    private final Set<String> textColumns;

    Cleaner(DatasetSchema schema, String target, CleanOptions options) {
        this(schema, target, options, Set.of());
    }

    /** @param textColumns the text columns training reads (kept verbatim, a missing text read as empty) */
    Cleaner(DatasetSchema schema, String target, CleanOptions options, Set<String> textColumns) {
        this.schema = schema;
        this.target = target;
        this.options = options;
        this.textColumns = textColumns;
    }

    CleanedData clean(Table raw) {
        var tokens = MissingTokens.of(schema.missingTokens());
        var roles = ColumnRoles.resolve(raw.header(), schema, target, textColumns).withoutEmptyColumns(raw, tokens);
        requireFeatures(roles);
        var parser = new RowParser(roles, tokens);
        List<Row> parsed = parser.parse(raw);
        List<Row> unique = options.dropDuplicates() ? List.copyOf(new LinkedHashSet<>(parsed)) : parsed;
        List<Row> rows = options.missing() == MissingPolicy.DROP
                ? unique.stream().filter(row -> !row.hasMissing()).toList()
                : unique;
        var counts = new Counts(raw.rows().size(), parser.missingTarget(), parsed.size() - unique.size(),
                unique.size() - rows.size());
        requireRows(rows, counts);
        int numeric = roles.numeric().size();
        var clip = options.clipOutliers() ? IqrClip.fit(rows, numeric) : IqrClip.none(numeric);
        var imputation = Imputation.fit(rows, options.missing(), numeric, roles.categorical().size());
        long[] imputed = imputation.apply(rows);
        long[] clipped = clip.apply(rows);
        requireTwoClasses(rows);
        var report = new CleanReport(counts.rowsIn, rows.size(), counts.missingTarget, counts.duplicates,
                counts.incomplete, perColumn(names(roles), imputed), perColumn(roles.numericNames(), clipped),
                perColumn(roles.numericNames(), parser.coerced()), roles.ignored(), categories(rows, roles),
                classCounts(rows));
        return new CleanedData(CleanedTable.of(rows, roles), transforms(roles, imputation, clip), report);
    }

    private record Counts(long rowsIn, long missingTarget, long duplicates, long incomplete) {
    }

    private void requireFeatures(ColumnRoles roles) {
        if (roles.hasFeatures()) {
            return;
        }
        if (roles.ignored().isEmpty()) {
            throw new StepFailure("no feature columns left: the dataset has only the target column '" + target + "'");
        }
        String why = roles.ignored().entrySet().stream()
                .map(e -> "'" + e.getKey() + "' (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        throw new StepFailure("no feature columns left: " + why);
    }

    private void requireRows(List<Row> rows, Counts counts) {
        if (!rows.isEmpty()) {
            return;
        }
        var why = new ArrayList<String>();
        why.add(counts.rowsIn + " rows in");
        why.add(counts.missingTarget + " without a value for target '" + target + "'");
        if (counts.duplicates > 0) {
            why.add(counts.duplicates + " duplicates dropped");
        }
        if (options.missing() == MissingPolicy.DROP) {
            why.add(counts.incomplete + " with missing values dropped (clean.missing: drop)");
        }
        throw new StepFailure("no rows left after cleaning: " + String.join(", ", why));
    }

    private void requireTwoClasses(List<Row> rows) {
        var classes = rows.stream().map(Row::label).distinct().limit(2).toList();
        if (classes.size() < 2) {
            throw new StepFailure("target '" + target + "' has a single class '" + classes.getFirst()
                    + "'; a classifier needs at least two");
        }
    }

    private static List<String> names(ColumnRoles roles) {
        var names = new ArrayList<>(roles.numericNames());
        names.addAll(roles.categoricalNames());
        return names;
    }

    /** Column name → count, for the columns where it is not zero. */
    private static Map<String, Long> perColumn(List<String> names, long[] counts) {
        var map = new TreeMap<String, Long>();
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] > 0) {
                map.put(names.get(j), counts[j]);
            }
        }
        return map;
    }

    private static Map<String, List<String>> categories(List<Row> rows, ColumnRoles roles) {
        var map = new TreeMap<String, List<String>>();
        for (int j = 0; j < roles.categorical().size(); j++) {
            int column = j;
            map.put(roles.categoricalNames().get(j),
                    rows.stream().map(r -> r.categories()[column]).distinct().sorted().toList());
        }
        return map;
    }

    private static Map<String, Long> classCounts(List<Row> rows) {
        return rows.stream().collect(Collectors.groupingBy(Row::label, TreeMap::new, Collectors.counting()));
    }

    /** One transform per feature column, in the cleaned file's column order. */
    private static List<ColumnTransform> transforms(ColumnRoles roles, Imputation imputation, IqrClip clip) {
        var byColumn = new TreeMap<Integer, ColumnTransform>();
        for (int j = 0; j < roles.numeric().size(); j++) {
            byColumn.put(roles.numeric().get(j), new ColumnTransform(roles.numericNames().get(j), ColumnType.NUMERIC,
                    imputation.numbers()[j], null, clip.low()[j], clip.high()[j]));
        }
        for (int j = 0; j < roles.categorical().size(); j++) {
            byColumn.put(roles.categorical().get(j), new ColumnTransform(roles.categoricalNames().get(j),
                    ColumnType.CATEGORICAL, null, imputation.categories()[j], null, null));
        }
        for (int j = 0; j < roles.text().size(); j++) {
            byColumn.put(roles.text().get(j), new ColumnTransform(roles.textNames().get(j), ColumnType.TEXT, null,
                    null, null, null));
        }
        return List.copyOf(byColumn.values());
    }
}
