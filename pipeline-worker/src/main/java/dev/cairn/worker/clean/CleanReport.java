package dev.cairn.worker.clean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the clean step did, for the user: counts of rows dropped and why, and per column the cells
 * imputed, clipped or coerced (columns with none are left out), the columns ignored and why, and the
 * categories a categorical column ended with (the first {@value #REPORTED_CATEGORIES} in order, and their count),
 * and the rows per target value when there are at most that many (else only how many distinct values).
 */
record CleanReport(long rowsIn, long rowsOut, long rowsMissingTarget, long duplicatesDropped,
        long rowsWithMissingValues, Map<String, Long> cellsImputed, Map<String, Long> valuesClipped,
        Map<String, Long> valuesCoerced, Map<String, String> columnsIgnored, Map<String, List<String>> categories,
        Map<String, Long> classCounts) {

    /** A column with thousands of categories would swell the task event past Kafka's message size. */
    static final int REPORTED_CATEGORIES = 50;

    Map<String, Double> metrics() {
        return Map.of("rows_in", (double) rowsIn, "rows_out", (double) rowsOut);
    }

    Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("rows_in", rowsIn);
        map.put("rows_out", rowsOut);
        map.put("rows_dropped_missing_target", rowsMissingTarget);
        map.put("duplicates_dropped", duplicatesDropped);
        map.put("rows_dropped_missing_values", rowsWithMissingValues);
        map.put("cells_imputed", cellsImputed);
        map.put("values_clipped", valuesClipped);
        map.put("values_coerced", valuesCoerced);
        map.put("columns_ignored", columnsIgnored);
        map.put("categories", firstCategories());
        map.put("category_counts", categoryCounts());
        if (classCounts.size() <= REPORTED_CATEGORIES) {
            map.put("class_counts", classCounts);
        } else {
            // a regression target: one "class" per distinct number
            map.put("target_distinct_values", classCounts.size());
        }
        return map;
    }

    private Map<String, List<String>> firstCategories() {
        var first = new TreeMap<String, List<String>>();
        categories.forEach((column, values) -> first.put(column,
                values.subList(0, Math.min(values.size(), REPORTED_CATEGORIES))));
        return first;
    }

    private Map<String, Integer> categoryCounts() {
        var counts = new TreeMap<String, Integer>();
        categories.forEach((column, values) -> counts.put(column, values.size()));
        return counts;
    }
}
