package dev.cairn.worker.clean;

import java.util.List;

/**
 * Tukey's fences per numeric column: values below Q1 − 1.5·IQR or above Q3 + 1.5·IQR are moved to
 * the fence. Fitted on observed values before imputation, so filled-in values do not shift the fences.
 * A column whose IQR is 0 (say a 0/1 flag that is mostly 0) is left alone: its fences would collapse
 * onto one value and clip every other value away.
 *
 * @param low per numeric column, null when the column is not clipped
 */
record IqrClip(Double[] low, Double[] high) {

    static IqrClip none(int numericColumns) {
        return new IqrClip(new Double[numericColumns], new Double[numericColumns]);
    }

    static IqrClip fit(List<Row> rows, int numericColumns) {
        var clip = none(numericColumns);
        for (int j = 0; j < numericColumns; j++) {
            int column = j;
            var stats = new NumericStats(rows.stream().map(r -> r.numbers()[column]).toList());
            double q1 = stats.quantile(0.25);
            double q3 = stats.quantile(0.75);
            double iqr = q3 - q1;
            if (iqr > 0) {
                clip.low[j] = q1 - 1.5 * iqr;
                clip.high[j] = q3 + 1.5 * iqr;
            }
        }
        return clip;
    }

    boolean clips(int column) {
        return low[column] != null;
    }

    /** Clips in place (cells must be filled); returns the number of values moved per numeric column. */
    long[] apply(List<Row> rows) {
        long[] clipped = new long[low.length];
        for (Row row : rows) {
            for (int j = 0; j < low.length; j++) {
                if (clips(j)) {
                    double value = row.numbers()[j];
                    double bounded = Math.min(Math.max(value, low[j]), high[j]);
                    if (bounded != value) {
                        row.numbers()[j] = bounded;
                        clipped[j]++;
                    }
                }
            }
        }
        return clipped;
    }
}
