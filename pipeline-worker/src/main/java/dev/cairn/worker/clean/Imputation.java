package dev.cairn.worker.clean;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The values that stand in for missing cells, learnt from the rows the clean step keeps. Under
 * {@link MissingPolicy#DROP} there are none: rows with a missing value are gone already.
 */
record Imputation(Double[] numbers, String[] categories) {

    static Imputation fit(List<Row> rows, MissingPolicy policy, int numericColumns, int categoricalColumns) {
        var numbers = new Double[numericColumns];
        var categories = new String[categoricalColumns];
        if (policy != MissingPolicy.DROP) {
            for (int j = 0; j < numericColumns; j++) {
                int column = j;
                numbers[j] = fill(new NumericStats(rows.stream().map(r -> r.numbers()[column]).toList()), policy);
            }
            for (int j = 0; j < categoricalColumns; j++) {
                int column = j;
                categories[j] = mode(rows.stream().map(r -> r.categories()[column]).filter(Objects::nonNull).toList());
            }
        }
        return new Imputation(numbers, categories);
    }

    private static double fill(NumericStats stats, MissingPolicy policy) {
        return switch (policy) {
            case IMPUTE_MEAN -> stats.mean();
            case IMPUTE_MODE -> stats.mode();
            default -> stats.median();
        };
    }

    /** The most frequent category; on a tie the one that sorts first, so row order does not matter. */
    static String mode(List<String> values) {
        Map<String, Long> counts = values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream()
                .min(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElseThrow();
    }

    /** Fills the missing cells in place; returns the number filled per numeric and then per categorical column. */
    long[] apply(List<Row> rows) {
        long[] filled = new long[numbers.length + categories.length];
        for (Row row : rows) {
            for (int j = 0; j < numbers.length; j++) {
                if (row.numbers()[j] == null) {
                    row.numbers()[j] = numbers[j];
                    filled[j]++;
                }
            }
            for (int j = 0; j < categories.length; j++) {
                if (row.categories()[j] == null) {
                    row.categories()[j] = categories[j];
                    filled[numbers.length + j]++;
                }
            }
        }
        return filled;
    }

    @Override
    public String toString() {
        return "Imputation" + Arrays.toString(numbers) + Arrays.toString(categories);
    }
}
