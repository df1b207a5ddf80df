package dev.cairn.worker.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Test-set metrics computed here rather than by Tribuo's evaluator, so that every figure is defined
 * the same way whatever the library (zero division is 0, averages over the labels that occur as
 * actual or predicted, ROC AUC by ranks).
 */
record Evaluation(ConfusionMatrix matrix, List<ClassMetrics> perClass, String positive, OptionalDouble rocAuc) {

    /** @param binary whether the model has exactly two labels; ROC AUC is computed only then */
    static Evaluation of(List<ScoredRow> rows, String positive, boolean binary) {
        var matrix = ConfusionMatrix.of(rows.stream().map(ScoredRow::actual).toList(),
                rows.stream().map(ScoredRow::predicted).toList());
        var perClass = IntStream.range(0, matrix.labels().size())
                .mapToObj(k -> ClassMetrics.of(matrix, k))
                .toList();
        OptionalDouble auc = binary ? rocAuc(rows, positive) : OptionalDouble.empty();
        return new Evaluation(matrix, perClass, positive, auc);
    }

    private static OptionalDouble rocAuc(List<ScoredRow> rows, String positive) {
        List<Boolean> isPositive = rows.stream().map(r -> r.actual().equals(positive)).toList();
        double[] scores = rows.stream().mapToDouble(ScoredRow::positiveScore).toArray();
        return RocAuc.of(isPositive, scores);
    }

    double accuracy() {
        return ClassMetrics.ratio(matrix.correct(), matrix.total());
    }

    double macro(ToDoubleFunction<ClassMetrics> metric) {
        return perClass.stream().mapToDouble(metric).average().orElse(0.0);
    }

    double weighted(ToDoubleFunction<ClassMetrics> metric) {
        double sum = perClass.stream().mapToDouble(m -> metric.applyAsDouble(m) * m.support()).sum();
        return ClassMetrics.ratio(sum, matrix.total());
    }

    /** The step's metrics, named as the control plane and the spec's gate know them. */
    Map<String, Double> metrics() {
        var metrics = new LinkedHashMap<String, Double>();
        metrics.put("accuracy", accuracy());
        metrics.put("precision_macro", macro(ClassMetrics::precision));
        metrics.put("recall_macro", macro(ClassMetrics::recall));
        metrics.put("f1_macro", macro(ClassMetrics::f1));
        metrics.put("precision_weighted", weighted(ClassMetrics::precision));
        metrics.put("recall_weighted", weighted(ClassMetrics::recall));
        metrics.put("f1_weighted", weighted(ClassMetrics::f1));
        rocAuc.ifPresent(auc -> metrics.put("roc_auc", auc));
        return metrics;
    }

    /** Confusion matrix, per-class figures and the positive class, as JSON-friendly values. */
    Map<String, Object> report() {
        var classes = new LinkedHashMap<String, Object>();
        for (int k = 0; k < perClass.size(); k++) {
            classes.put(matrix.labels().get(k), perClass.get(k).toReport());
        }
        var report = new LinkedHashMap<String, Object>();
        report.put("confusion_matrix", matrix.toReport());
        report.put("per_class", classes);
        report.put("positive", positive);
        report.put("test_rows", matrix.total());
        return report;
    }
}
