package dev.cairn.worker.evaluate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-set metrics of a regression, computed here rather than by Tribuo, like the classification
 * ones: root mean squared error and mean absolute error in the target's unit, and R² = 1 − SS_res / SS_tot
 * with SS_tot about the mean of these actual values (so predicting that mean scores 0, and a worse
 * model scores below 0). R² is left out when every actual value is the same, where it is undefined.
 */
record RegressionEvaluation(int rows, double rmse, double mae, Double r2, double actualMean) {

    static RegressionEvaluation of(double[] actual, double[] predicted) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("need as many predictions as actual values, and at least one");
        }
        double mean = 0;
        for (double a : actual) {
            mean += a;
        }
        mean /= actual.length;
        double squared = 0;
        double absolute = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = predicted[i] - actual[i];
            squared += error * error;
            absolute += Math.abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        Double r2 = total == 0 ? null : 1 - squared / total;
        return new RegressionEvaluation(actual.length, Math.sqrt(squared / actual.length), absolute / actual.length,
                r2, mean);
    }

    /** The step's metrics, named as the control plane and the spec's gate know them. */
    Map<String, Double> metrics() {
        var metrics = new LinkedHashMap<String, Double>();
        metrics.put("rmse", rmse);
        metrics.put("mae", mae);
        if (r2 != null) {
            metrics.put("r2", r2);
        }
        return metrics;
    }

    Map<String, Object> report() {
        var report = new LinkedHashMap<String, Object>();
        report.put("test_rows", rows);
        report.put("actual_mean", actualMean);
        return report;
    }
}
