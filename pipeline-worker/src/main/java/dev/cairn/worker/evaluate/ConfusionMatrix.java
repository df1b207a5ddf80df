package dev.cairn.worker.evaluate;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts of (actual, predicted) pairs. Rows are actual labels, columns predicted ones, both in
 * {@code labels} order: the sorted union of the labels seen on either side, so a class that is
 * never predicted (or never present) still gets its row and column.
 */
record ConfusionMatrix(List<String> labels, long[][] counts) {

    static ConfusionMatrix of(List<String> actual, List<String> predicted) {
        if (actual.size() != predicted.size()) {
            throw new IllegalArgumentException("actual and predicted differ in length");
        }
        var labelSet = new TreeSet<String>(actual);
        labelSet.addAll(predicted);
        List<String> labels = List.copyOf(labelSet);
        Map<String, Integer> index = labels.stream()
                .collect(Collectors.toMap(Function.identity(), labels::indexOf));
        long[][] counts = new long[labels.size()][labels.size()];
        for (int i = 0; i < actual.size(); i++) {
            counts[index.get(actual.get(i))][index.get(predicted.get(i))]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        return total;
    }

    long correct() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        return correct;
    }

    /** Rows whose actual label is class {@code k}. */
    long support(int k) {
        long sum = 0;
        for (long c : counts[k]) {
            sum += c;
        }
        return sum;
    }

    /** Rows predicted as class {@code k}. */
    long predictedAs(int k) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[k];
        }
        return sum;
    }

    long truePositives(int k) {
        return counts[k][k];
    }

    /** JSON-friendly form for the step report: {labels, matrix}. */
    Map<String, Object> toReport() {
        List<List<Long>> rows = java.util.Arrays.stream(counts)
                .map(row -> java.util.Arrays.stream(row).boxed().toList())
                .toList();
        return Map.of("labels", labels, "matrix", rows);
    }
}
