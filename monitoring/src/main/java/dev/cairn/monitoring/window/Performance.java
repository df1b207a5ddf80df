package dev.cairn.monitoring.window;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The window's confusion counts (truth × prediction), bounded by the number of labels squared. */
final class Performance {

    private final Map<String, Map<String, Long>> confusion = new HashMap<>();
    private long labelled;
    private long correct;

    void add(String truth, String predicted) {
        labelled++;
        if (truth.equals(predicted)) {
            correct++;
        }
        confusion.computeIfAbsent(truth, t -> new HashMap<>()).merge(predicted, 1L, Long::sum);
    }

    PerformanceReport report() {
        if (labelled == 0) {
            return new PerformanceReport(0, Double.NaN, Double.NaN, Double.NaN);
        }
        Set<String> labels = new HashSet<>(confusion.keySet());
        confusion.values().forEach(row -> labels.addAll(row.keySet()));
        double recallSum = 0;
        double f1Sum = 0;
        for (String label : labels) {
            long truePositives = count(label, label);
            long actual = confusion.getOrDefault(label, Map.of()).values().stream().mapToLong(Long::longValue).sum();
            long predicted = confusion.values().stream().mapToLong(row -> row.getOrDefault(label, 0L)).sum();
            double recall = actual == 0 ? 0 : (double) truePositives / actual;
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            recallSum += recall;
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new PerformanceReport(labelled, (double) correct / labelled, recallSum / labels.size(),
                f1Sum / labels.size());
    }

    private long count(String truth, String predicted) {
        return confusion.getOrDefault(truth, Map.of()).getOrDefault(predicted, 0L);
    }

    void reset() {
        confusion.clear();
        labelled = 0;
        correct = 0;
    }
}
