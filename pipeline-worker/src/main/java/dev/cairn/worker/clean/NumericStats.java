package dev.cairn.worker.clean;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Statistics of one numeric column's observed (non-missing) values. */
final class NumericStats {

    private final double[] sorted;

    /** @param values at least one non-null value; nulls are skipped */
    NumericStats(List<Double> values) {
        this.sorted = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no observed values");
        }
    }

    double mean() {
        return Arrays.stream(sorted).sum() / sorted.length;
    }

    double median() {
        return quantile(0.5);
    }

    /** The most frequent value; the smallest of them on a tie, so the result does not depend on row order. */
    double mode() {
        Map<Double, Long> counts = Arrays.stream(sorted).boxed()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        return counts.entrySet().stream().filter(e -> e.getValue() == max).findFirst().orElseThrow().getKey();
    }

    /**
     * Linear interpolation between the closest ranks (numpy's and R's default, "type 7"): the value at
     * position q·(n−1) of the sorted values.
     */
    double quantile(double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
