package dev.cairn.worker.evaluate;

import java.util.Map;

/** Precision, recall and F1 of one class; a ratio with a zero denominator is defined as 0. */
record ClassMetrics(double precision, double recall, double f1, long support) {

    static ClassMetrics of(ConfusionMatrix matrix, int k) {
        long tp = matrix.truePositives(k);
        double precision = ratio(tp, matrix.predictedAs(k));
        double recall = ratio(tp, matrix.support(k));
        double f1 = ratio(2 * precision * recall, precision + recall);
        return new ClassMetrics(precision, recall, f1, matrix.support(k));
    }

    /** Zero division is 0 (as scikit-learn's {@code zero_division=0}): an empty class earns no credit. */
    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }

    Map<String, Object> toReport() {
        return Map.of("precision", precision, "recall", recall, "f1", f1, "support", support);
    }
}
